package programs.threads;

/**
 * Wait on a thread object until it is no longer alive, as old code does by hand: the JVM notifies
 * the thread object when the thread ends. A watchdog prints TIMEOUT after 5 s if it never does.
 */
public final class WaitOnThreadObject {

    public static void main(String[] args) throws Exception {
        Thread thread = new Thread(() -> {
            sleep(200);
            System.out.println("worker ends");
        }, "worker");
        Thread main = Thread.currentThread();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(5_000);
                System.out.println("TIMEOUT: wait() on the thread object did not return after it ended");
                main.interrupt();
            } catch (InterruptedException e) {
                // the wait returned in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        thread.start();
        try {
            synchronized (thread) {
                while (thread.isAlive()) {
                    thread.wait();
                }
            }
            System.out.println("wait() on the thread object returned after it ended");
        } catch (InterruptedException e) {
            System.out.println("interrupted by the watchdog");
        }
        watchdog.interrupt();
        watchdog.join(5_000);
        System.out.println("alive: " + thread.isAlive());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
