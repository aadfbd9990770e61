package programs.threads;

/**
 * Return from main while a thread that main started starts a non-daemon thread of its own, which
 * finishes after main is gone.
 *
 * <p>A thread's constructor copies the daemon flag, priority and thread group from the thread that
 * constructs it: the nested worker is a non-daemon thread of priority 7 in the group "custom-group",
 * so the JVM must wait for it.
 */
public final class NestedWorkerOutlivesMain {

    public static void main(String[] args) {
        Thread.currentThread().setPriority(7);
        ThreadGroup group = new ThreadGroup("custom-group");
        Thread parent = new Thread(group, NestedWorkerOutlivesMain::startNested, "parent");
        System.out.println("parent seen from main: " + describe(parent));
        System.out.println("main starts parent and returns");
        parent.start();
    }

    private static void startNested() {
        System.out.println("parent seen from inside: " + describe(Thread.currentThread()));
        Thread nested = new Thread(() -> {
            sleep(500);
            System.out.println("nested seen from inside: " + describe(Thread.currentThread()));
            System.out.println("nested worker finished after main returned");
        }, "nested");
        System.out.println("nested seen from parent: " + describe(nested));
        nested.start();
        System.out.println("parent returns");
    }

    private static String describe(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return thread.getName() + " daemon=" + thread.isDaemon() + " priority=" + thread.getPriority()
                + " group=" + (group == null ? "null" : group.getName());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
