package programs.threads;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ask for a 512 MB stack in the {@code Thread} constructor and recurse deeper than a default stack
 * allows: the big stack holds it, a default one overflows.
 */
public final class StackSizeRequested {
    private static final int DEPTH = 2_000_000;
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        System.out.println("default stack: " + outcome(new Thread(group, StackSizeRequested::recurse, "default", 0)));
        System.out.println("512 MB stack: "
                + outcome(new Thread(group, StackSizeRequested::recurse, "big", 512L * 1024 * 1024)));
    }

    private static String outcome(Thread thread) throws InterruptedException {
        thread.start();
        thread.join(10_000);
        return OUTCOMES.getOrDefault(thread.getName(), "TIMEOUT");
    }

    private static void recurse() {
        String name = Thread.currentThread().getName();
        try {
            OUTCOMES.put(name, "reached depth " + down(0));
        } catch (StackOverflowError e) {
            OUTCOMES.put(name, "StackOverflowError");
        }
    }

    private static long down(long depth) {
        return depth == DEPTH ? depth : down(depth + 1);
    }
}
