package programs.threads;

import java.util.concurrent.CountDownLatch;

/**
 * Change the daemon flag of a running thread: {@code IllegalThreadStateException}, and the flag stays.
 */
public final class SetDaemonWhileRunning {

    public static void main(String[] args) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                System.out.println("interrupted (wrong)");
            }
        }, "running");
        thread.start();
        try {
            thread.setDaemon(true);
            System.out.println("setDaemon(true) on a running thread: no exception (wrong)");
        } catch (IllegalThreadStateException e) {
            System.out.println("setDaemon(true) on a running thread: IllegalThreadStateException");
        }
        System.out.println("daemon still: " + thread.isDaemon());
        release.countDown();
        thread.join(5_000);
        System.out.println("alive after join: " + thread.isAlive());
        thread.setDaemon(true);
        System.out.println("setDaemon(true) after it ended: daemon=" + thread.isDaemon());
    }
}
