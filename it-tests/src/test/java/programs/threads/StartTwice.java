package programs.threads;

import java.util.concurrent.CountDownLatch;

/**
 * Start a thread twice, while it runs and after it ended: {@code IllegalThreadStateException}, with
 * the JDK's message.
 */
public final class StartTwice {

    public static void main(String[] args) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                System.out.println("interrupted (wrong)");
            }
        }, "twice");
        thread.start();
        startAgain(thread, "while it runs");
        release.countDown();
        thread.join(5_000);
        startAgain(thread, "after it ended");
        System.out.println("state: " + thread.getState());
    }

    private static void startAgain(Thread thread, String when) {
        try {
            thread.start();
            System.out.println("second start " + when + ": no exception (wrong)");
        } catch (IllegalThreadStateException e) {
            System.out.println("second start " + when + ": IllegalThreadStateException, message: " + e.getMessage());
        }
    }
}
