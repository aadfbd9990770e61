package programs.schedule;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two threads take two locks in opposite orders, pausing between the two: each ends up holding the
 * lock the other waits for. The locks are monitors ({@code synchronized}), or with the argument
 * {@code reentrant} {@code ReentrantLock}s.
 */
public final class LockOrderDeadlock {

    public static void main(String[] args) throws InterruptedException {
        boolean reentrant = args.length > 0 && args[0].equals("reentrant");
        Object left = reentrant ? new ReentrantLock() : new Object();
        Object right = reentrant ? new ReentrantLock() : new Object();
        Thread one = new Thread(() -> both(left, right), "left-then-right");
        Thread two = new Thread(() -> both(right, left), "right-then-left");
        one.start();
        two.start();
        one.join();
        two.join();
        System.out.println("both done");
    }

    private static void both(Object first, Object second) {
        if (first instanceof ReentrantLock firstLock && second instanceof ReentrantLock secondLock) {
            firstLock.lock();
            try {
                pause();
                secondLock.lock();
                secondLock.unlock();
            } finally {
                firstLock.unlock();
            }
            return;
        }
        synchronized (first) {
            pause();
            synchronized (second) {
                System.out.println(Thread.currentThread().getName() + " has both");
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
