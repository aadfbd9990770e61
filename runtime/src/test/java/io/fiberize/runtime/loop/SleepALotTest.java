package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Carriers;
import io.fiberize.runtime.Eventually;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand fibers on one loop that sleep over and over: with {@link Thread#sleep} (whose
 * timeouts, without the agent, the JDK's unparker fires), and with the loop's own timers, as the
 * agent makes of sleeps and timed parks.
 */
class SleepALotTest {
    private static final int FIBERS = 10_000;

    private final LoopCrowd crowd = new LoopCrowd("sleep-loop");
    private final EventLoop loop = crowd.loop;
    private final Carriers carriers = crowd.carriers;

    @AfterEach
    void stop() {
        crowd.shutdown();
    }

    @Test
    void tenThousandFibersSleepRepeatedlyAndNeverWakeEarly() throws Exception {
        AtomicInteger early = new AtomicInteger();
        AtomicInteger sleeps = new AtomicInteger();
        for (int i = 0; i < FIBERS; i++) {
            long millis = 1 + i % 10;
            crowd.start("sleeper-" + i, () -> {
                for (int round = 0; round < 3; round++) {
                    long start = System.nanoTime();
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        throw new RuntimeException(e);
                    }
                    if (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(millis)) {
                        early.incrementAndGet();
                    }
                    carriers.note();
                    sleeps.incrementAndGet();
                }
            });
        }

        crowd.joinAllOnTheLoop();
        assertThat(sleeps).hasValue(3 * FIBERS);
        assertThat(early).hasValue(0);
    }

    /**
     * Each round arms a short timer and a long one, parks until the short one fires, then
     * cancels the long one, as a read with a timeout that completes early does.
     */
    @Test
    void tenThousandFibersParkOnLoopTimersAndCancelTheTimersTheyNoLongerNeed() throws Exception {
        int rounds = 5;
        AtomicInteger early = new AtomicInteger();
        AtomicInteger wakeups = new AtomicInteger();
        for (int i = 0; i < FIBERS; i++) {
            long micros = 500 + i % 5_000;
            crowd.start("timed-parker-" + i, () -> {
                Thread self = Thread.currentThread();
                for (int round = 0; round < rounds; round++) {
                    AtomicBoolean due = new AtomicBoolean();
                    long start = System.nanoTime();
                    Timer shortTimer = loop.schedule(() -> {
                        due.set(true);
                        LockSupport.unpark(self);
                    }, micros, TimeUnit.MICROSECONDS);
                    Timer longTimer = loop.schedule(() -> LockSupport.unpark(self), 1, TimeUnit.HOURS);
                    while (!due.get()) {
                        LockSupport.park();
                    }
                    if (System.nanoTime() - start < TimeUnit.MICROSECONDS.toNanos(micros)) {
                        early.incrementAndGet();
                    }
                    longTimer.cancel(false);
                    carriers.note();
                    wakeups.incrementAndGet();
                    assertThat(shortTimer.isDone()).isTrue();
                }
            });
        }

        crowd.joinAllOnTheLoop();
        assertThat(wakeups).hasValue(rounds * FIBERS);
        assertThat(early).hasValue(0);
        Eventually.await("every cancelled timer removed", () -> loop.stats().timers() == 0);
    }
}
