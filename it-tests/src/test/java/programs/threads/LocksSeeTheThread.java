package programs.threads;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ask the JDK's locks about a thread by its object: {@code ReentrantLock.hasQueuedThread(t)} while t
 * waits for the lock, {@code LockSupport.getBlocker(t)} while t is parked, {@code LockSupport.unpark(t)}.
 */
public final class LocksSeeTheThread {

    public static void main(String[] args) throws Exception {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        Thread locker = new Thread(() -> {
            lock.lock();
            try {
                System.out.println("locker got the lock");
            } finally {
                lock.unlock();
            }
        }, "locker");
        System.out.println("hasQueuedThread before start: " + lock.hasQueuedThread(locker));
        locker.start();
        System.out.println("hasQueuedThread while it waits: " + poll(() -> lock.hasQueuedThread(locker)));
        System.out.println("getQueueLength while it waits: " + lock.getQueueLength());
        lock.unlock();
        locker.join(5_000);
        System.out.println("hasQueuedThread after join: " + lock.hasQueuedThread(locker) + ", alive: "
                + locker.isAlive());

        Object blocker = new Object();
        Thread parker = new Thread(() -> {
            LockSupport.park(blocker);
            System.out.println("parker unparked");
        }, "parker");
        parker.start();
        System.out.println("getBlocker(t) == blocker while parked: " + poll(() -> LockSupport.getBlocker(parker) == blocker));
        LockSupport.unpark(parker);
        parker.join(5_000);
        System.out.println("parker alive after unpark(t) and join: " + parker.isAlive());
        if (parker.isAlive()) {
            parker.interrupt();
            parker.join(5_000);
        }
        System.out.println("getBlocker(t) after join: " + LockSupport.getBlocker(parker));
    }

    /** Return whether {@code condition} became true within 5 s. */
    private static boolean poll(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
