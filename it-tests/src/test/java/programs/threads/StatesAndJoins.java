package programs.threads;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Look at a thread from outside around its life: state, liveness, group, and joins of an unstarted,
 * a running and an ended thread.
 */
public final class StatesAndJoins {

    public static void main(String[] args) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            System.out.println("inside: state=" + Thread.currentThread().getState());
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                System.out.println("interrupted (wrong)");
            }
        }, "life");
        System.out.println("new: state=" + thread.getState() + " alive=" + thread.isAlive() + " group="
                + groupName(thread));
        System.out.println("join(10) of an unstarted thread returns");
        thread.join(10);
        try {
            System.out.println("join(Duration) of an unstarted thread: " + thread.join(Duration.ofMillis(10)));
        } catch (IllegalThreadStateException e) {
            System.out.println("join(Duration) of an unstarted thread: IllegalThreadStateException");
        }
        thread.start();
        inside.await();
        Blocked.awaitBlocked(thread);
        System.out.println("running: state=" + thread.getState() + " alive=" + thread.isAlive() + " group="
                + groupName(thread));
        System.out.println("join(Duration) of a waiting thread: " + thread.join(Duration.ofMillis(20)));
        release.countDown();
        System.out.println("join(Duration) after release: " + thread.join(Duration.ofSeconds(5)));
        System.out.println("ended: state=" + thread.getState() + " alive=" + thread.isAlive() + " group="
                + groupName(thread));
        System.out.println("join(Duration) of an ended thread: " + thread.join(Duration.ofMillis(10)));
    }

    private static String groupName(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group == null ? "null" : group.getName();
    }
}
