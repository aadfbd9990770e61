package programs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Use threads the way old servers do: a {@code Thread} subclass, names, thread locals,
 * inheritable thread locals, uncaught-exception handlers, interrupts, timed and untimed joins.
 * Prints one line per fact, identical whatever runs the threads.
 */
public final class ThreadSemantics {
    private static final ThreadLocal<String> LOCAL = ThreadLocal.withInitial(() -> "initial");
    private static final InheritableThreadLocal<String> INHERITED = new InheritableThreadLocal<>();

    /** A worker that keeps its own state, as old servers' connection threads do. */
    static final class Worker extends Thread {
        final CountDownLatch started = new CountDownLatch(1);
        volatile String seenName;
        volatile boolean currentIsThis;
        volatile String local;
        volatile String inherited;
        volatile boolean interrupted;

        Worker(String name) {
            super(name);
        }

        @Override
        public void run() {
            seenName = Thread.currentThread().getName();
            currentIsThis = Thread.currentThread() == this;
            LOCAL.set("worker's own");
            local = LOCAL.get();
            inherited = INHERITED.get();
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        INHERITED.set("from main");
        Worker worker = new Worker("worker-1");
        System.out.println("before start: alive=" + worker.isAlive() + " state=" + worker.getState());
        worker.start();
        worker.started.await();
        System.out.println("running: alive=" + worker.isAlive() + " name seen inside=" + worker.seenName
                + " currentThread()==this: " + worker.currentIsThis);
        System.out.println("thread locals: own=" + worker.local + " inherited=" + worker.inherited
                + " main's own=" + LOCAL.get());
        System.out.println("timed join of a sleeping thread returns false: " + !worker.join(Duration.ofMillis(50)));
        worker.interrupt();
        worker.join();
        System.out.println("after interrupt+join: interrupted inside=" + worker.interrupted + " alive=" + worker.isAlive()
                + " state=" + worker.getState());

        try {
            worker.start();
            System.out.println("second start: no exception (wrong)");
        } catch (IllegalThreadStateException e) {
            System.out.println("second start: IllegalThreadStateException");
        }

        Thread failing = new Thread(() -> {
            throw new IllegalStateException("boom");
        }, "failing");
        CountDownLatch handled = new CountDownLatch(1);
        failing.setUncaughtExceptionHandler((t, e) -> {
            System.out.println("handler got " + e.getMessage() + " from " + t.getName() + " (same object: "
                    + (t == failing) + ")");
            handled.countDown();
        });
        failing.start();
        handled.await();
        failing.join(5_000);

        Thread renamed = new Thread(() -> System.out.println("renamed inside: " + Thread.currentThread().getName()));
        renamed.setName("renamed-before-start");
        renamed.start();
        renamed.join();

        Thread[] parker = new Thread[1];
        CountDownLatch parked = new CountDownLatch(1);
        Thread parking = new Thread(() -> {
            parker[0] = Thread.currentThread();
            parked.countDown();
            LockSupport.park();
            System.out.println("unparked through the reference it handed out");
        });
        parking.start();
        parked.await();
        while (parking.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        LockSupport.unpark(parker[0]);
        parking.join();

        Thread built = Thread.ofPlatform().name("built").unstarted(() ->
                System.out.println("builder thread sees itself as: " + Thread.currentThread().getName()
                        + ", virtual: " + Thread.currentThread().isVirtual()));
        built.start();
        built.join();
        System.out.println("done");
    }
}
