package programs.schedule;

/**
 * Four threads take turns at one monitor, each noting its number inside it, and yielding inside
 * it at a volatile access: the others block on the monitor and get it back through the JDK's
 * unblocker thread. Prints the order in which they held it.
 */
public final class ContendedMonitor {
    private static final Object MONITOR = new Object();
    private static final StringBuilder ORDER = new StringBuilder();
    private static volatile int inside;

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            int number = i;
            threads[i] = new Thread(() -> {
                for (int turn = 0; turn < 20; turn++) {
                    synchronized (MONITOR) {
                        inside++;
                        ORDER.append(number);
                        inside--;
                    }
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println(ORDER);
    }
}
