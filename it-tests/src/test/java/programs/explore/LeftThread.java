package programs.explore;

import io.fiberize.junit.ExploreSchedules;
import java.util.concurrent.CountDownLatch;

/**
 * A test that passes but leaves a thread waiting for ever: its first seed fails. Run by {@link JUnitMain}
 * in ExploreSchedulesIT.
 */
class LeftThread {

    @ExploreSchedules(3)
    void leavesAThreadWaiting() {
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.setDaemon(true);
        waiter.start();
    }
}
