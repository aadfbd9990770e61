package programs.threads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Interrupt all threads of a group through {@code ThreadGroup.interrupt()}, after counting them
 * with {@code activeCount()} and {@code enumerate}.
 */
public final class GroupInterrupt {

    public static void main(String[] args) throws Exception {
        ThreadGroup group = new ThreadGroup("sleepers");
        Queue<String> ended = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "sleeper-" + i;
            threads.add(new Thread(group, () -> {
                try {
                    Thread.sleep(10_000);
                    ended.add(name + ": slept 10 s (TIMEOUT)");
                } catch (InterruptedException e) {
                    ended.add(name + ": interrupted through its group");
                }
            }, name));
        }
        threads.forEach(Thread::start);
        Blocked.awaitBlocked(threads.toArray(Thread[]::new));
        System.out.println("activeCount()>=3: " + (group.activeCount() >= 3));
        Thread[] listed = new Thread[10];
        int count = group.enumerate(listed);
        System.out.println("enumerate lists all three: " + Arrays.asList(listed).subList(0, count).containsAll(threads));
        group.interrupt();
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        ended.stream().sorted().forEach(System.out::println);
        System.out.println("activeCount() after join: " + group.activeCount());
    }
}
