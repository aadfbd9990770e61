package programs;

/**
 * Return from main while a non-daemon thread still works, and a daemon thread sleeps on.
 *
 * <p>The JVM must wait for the first and not for the second.
 */
public final class MainReturns {

    public static void main(String[] args) {
        Thread worker = new Thread(() -> {
            sleep(300);
            System.out.println("non-daemon worker finished after main returned");
        }, "worker");
        worker.start();
        Thread daemon = new Thread(() -> {
            sleep(3_000);
            System.out.println("daemon finished (must not be printed)");
        }, "daemon");
        daemon.setDaemon(true);
        daemon.start();
        System.out.println("main returns; worker daemon=" + worker.isDaemon() + ", daemon daemon=" + daemon.isDaemon());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
