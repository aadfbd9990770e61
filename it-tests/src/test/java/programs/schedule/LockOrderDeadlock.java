package programs.schedule;

/**
 * Two threads take two monitors in opposite orders, pausing between the two: each ends up holding
 * the monitor the other waits for.
 */
public final class LockOrderDeadlock {
    private static final Object LEFT = new Object();
    private static final Object RIGHT = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread one = new Thread(() -> both(LEFT, RIGHT), "left-then-right");
        Thread two = new Thread(() -> both(RIGHT, LEFT), "right-then-left");
        one.start();
        two.start();
        one.join();
        two.join();
        System.out.println("both done");
    }

    private static void both(Object first, Object second) {
        synchronized (first) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            synchronized (second) {
                System.out.println(Thread.currentThread().getName() + " has both");
            }
        }
    }
}
