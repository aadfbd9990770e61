package programs.threads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Construct threads inside a daemon thread of low priority: they are daemon threads of that
 * priority in its group, and the JVM does not wait for them; a daemon thread stays a daemon thread
 * inside; a thread marked non-daemon inside a daemon one is waited for.
 */
public final class DaemonParentsMakeDaemonThreads {

    public static void main(String[] args) throws Exception {
        ThreadGroup group = new ThreadGroup("daemons");
        CountDownLatch constructed = new CountDownLatch(1);
        Thread parent = new Thread(group, () -> {
            System.out.println("daemon parent inside: daemon=" + Thread.currentThread().isDaemon()
                    + " priority=" + Thread.currentThread().getPriority());
            Thread child = new Thread(() -> {
                sleep(3_000);
                System.out.println("daemon child finished (must not be printed)");
            }, "child");
            System.out.println("child seen from daemon parent: daemon=" + child.isDaemon() + " priority="
                    + child.getPriority() + " group=" + child.getThreadGroup().getName());
            child.start();
            Thread keeper = new Thread(() -> {
                sleep(500);
                System.out.println("non-daemon child of a daemon parent finished after main returned");
            }, "keeper");
            keeper.setDaemon(false);
            keeper.start();
            constructed.countDown();
        }, "daemon-parent");
        parent.setDaemon(true);
        parent.setPriority(3);
        parent.start();
        if (!constructed.await(5, TimeUnit.SECONDS)) {
            System.out.println("TIMEOUT");
        }
        parent.join(5_000);
        System.out.println("main returns");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
