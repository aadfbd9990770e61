package programs.schedule;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Two threads take two {@code ReentrantLock}s in opposite orders, pausing between the two.
 */
public final class ReentrantLockDeadlock {
    private static final ReentrantLock LEFT = new ReentrantLock();
    private static final ReentrantLock RIGHT = new ReentrantLock();

    public static void main(String[] args) throws InterruptedException {
        Thread one = new Thread(() -> both(LEFT, RIGHT), "left-then-right");
        Thread two = new Thread(() -> both(RIGHT, LEFT), "right-then-left");
        one.start();
        two.start();
        one.join();
        two.join();
        System.out.println("both done");
    }

    private static void both(ReentrantLock first, ReentrantLock second) {
        first.lock();
        try {
            Thread.sleep(10);
            second.lock();
            second.unlock();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            first.unlock();
        }
    }
}
