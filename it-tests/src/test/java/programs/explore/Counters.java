package programs.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fiberize.junit.ExploreSchedules;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two threads hit a counter once each, under 200 seeds: a volatile {@code count++} loses a hit on some
 * schedules, an {@link AtomicInteger} on none. Run by {@link JUnitMain} in ExploreSchedulesIT.
 */
class Counters {
    private volatile int racy;

    @ExploreSchedules(200)
    void racyCounterCountsEveryHit() throws InterruptedException {
        hitFromTwoThreads(() -> racy++);
        assertEquals(2, racy);
    }

    @ExploreSchedules(200)
    void atomicCounterCountsEveryHit() throws InterruptedException {
        AtomicInteger atomic = new AtomicInteger();
        hitFromTwoThreads(atomic::incrementAndGet);
        assertEquals(2, atomic.get());
    }

    private static void hitFromTwoThreads(Runnable hit) throws InterruptedException {
        Thread one = new Thread(hit);
        Thread two = new Thread(hit);
        one.start();
        two.start();
        one.join();
        two.join();
    }
}
