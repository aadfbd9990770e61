package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.fiber.Fibers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's own timers ({@link EventLoop#schedule}): order, cancellation, removal, and
 * scheduling from every kind of thread.
 */
class LoopTimerTest {
    private final EventLoop loop = new EventLoop("timer-loop", new RunQueue.Fifo()).start();
    private EventLoop other;

    @AfterEach
    void stop() {
        loop.shutdown();
        if (other != null) {
            other.shutdown();
        }
    }

    @Test
    void thousandsOfTimersFireInDeadlineOrderAndNeverEarly() throws Exception {
        int n = 5_000;
        Random random = new Random(42);
        Timer[] timers = new Timer[n];
        long[] firedAt = new long[n];
        List<Integer> fired = new ArrayList<>(); // written on the loop thread only
        CountDownLatch all = new CountDownLatch(n);
        // Scheduled from one task, so that all of them reach the timer queue in the same turn,
        // before the first one can be due: the order then depends on deadlines only.
        loop.execute(() -> {
            for (int i = 0; i < n; i++) {
                int id = i;
                timers[i] = loop.schedule(() -> {
                    firedAt[id] = System.nanoTime();
                    fired.add(id);
                    all.countDown();
                }, random.nextInt(200_000), TimeUnit.MICROSECONDS);
            }
        });

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        List<Integer> byDeadline = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> timers[i].deadline).thenComparingInt(i -> i))
                .toList();
        assertThat(fired).containsExactlyElementsOf(byDeadline);
        for (int i = 0; i < n; i++) {
            assertThat(firedAt[i] - timers[i].deadline).as("timer %d fired at or after its deadline", i)
                    .isGreaterThanOrEqualTo(0);
            assertThat(timers[i].isDone()).isTrue();
            assertThat(timers[i].isCancelled()).isFalse();
            assertThat(timers[i].cancel(false)).as("a fired timer cannot be cancelled").isFalse();
        }
        Eventually.await("no timers left", () -> loop.stats().timers() == 0);
    }

    @Test
    void cancelledTimersNeverFireAndAreRemoved() throws Exception {
        int n = 2_000;
        AtomicInteger firedCancelled = new AtomicInteger();
        CountDownLatch kept = new CountDownLatch(n / 2);
        List<Timer> cancelled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                loop.schedule(kept::countDown, 20 + i % 80, TimeUnit.MILLISECONDS);
            } else {
                Timer t = loop.schedule(firedCancelled::incrementAndGet, 10 + i % 80, TimeUnit.MILLISECONDS);
                assertThat(t.cancel(false)).isTrue();
                cancelled.add(t);
            }
        }

        assertThat(kept.await(10, TimeUnit.SECONDS)).isTrue();
        // The cancelled ones were due before the last kept one fired, so they had their chance.
        assertThat(firedCancelled).hasValue(0);
        assertThat(cancelled).allMatch(t -> t.isCancelled() && t.isDone() && !t.cancel(false));
        Eventually.await("no timers left", () -> loop.stats().timers() == 0);
    }

    @Test
    void cancelledLongTimersAreRemovedAtOnceNotLeftToExpire() {
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            timers.add(loop.schedule(() -> { }, 1, TimeUnit.HOURS));
        }
        Eventually.await("1000 timers pending", () -> loop.stats().timers() == 1_000);

        timers.forEach(t -> t.cancel(false));

        Eventually.await("cancelled timers removed", () -> loop.stats().timers() == 0);
    }

    @Test
    void aTimerScheduledFromAnotherThreadWakesTheSleepingLoopAndRunsOnIt() throws Exception {
        other = new EventLoop("other-loop", new RunQueue.Fifo()).start();
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch fromPlatform = new CountDownLatch(1);
        CountDownLatch fromOtherLoop = new CountDownLatch(1);
        Eventually.await("loop idle", () -> loop.stats().ready() == 0);

        Thread.ofPlatform().start(() -> loop.schedule(() -> {
            ranOn.set(Thread.currentThread().getName());
            fromPlatform.countDown();
        }, 10, TimeUnit.MILLISECONDS)).join();
        assertThat(fromPlatform.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn).hasValue("timer-loop");

        Fibers.start(other, "scheduler-on-other-loop", true,
                () -> loop.schedule(fromOtherLoop::countDown, 10, TimeUnit.MILLISECONDS));
        assertThat(fromOtherLoop.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFiberParkedOnALoopTimerIsResumedByTheLoopNotByAForeignThread() throws Exception {
        // What the agent makes of Thread.sleep: a loop timer that unparks the fiber.
        CountDownLatch done = new CountDownLatch(100);
        LoopStats before = loop.stats();
        loop.execute(() -> {
            for (int i = 0; i < 100; i++) {
                Fibers.start(loop, "sleeper-" + i, true, () -> {
                    for (int round = 0; round < 5; round++) {
                        Thread self = Thread.currentThread();
                        AtomicBoolean due = new AtomicBoolean();
                        loop.schedule(() -> {
                            due.set(true);
                            LockSupport.unpark(self);
                        }, 1, TimeUnit.MILLISECONDS);
                        while (!due.get()) {
                            LockSupport.park();
                        }
                    }
                    done.countDown();
                });
            }
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        LoopStats after = loop.stats();
        assertThat(after.foreignResumes() - before.foreignResumes())
                .as("the only foreign hand-in is the execute() that started it all").isEqualTo(1);
        assertThat(after.otherLoopResumes() - before.otherLoopResumes()).isZero();
        Eventually.await("no timers left", () -> loop.stats().timers() == 0);
    }

    @Test
    void aTimerTaskThatThrowsDoesNotStopTheLoop() throws Exception {
        RuntimeLog.Level level = quiet();
        try {
            CountDownLatch next = new CountDownLatch(1);
            loop.schedule(() -> {
                throw new IllegalStateException("a failing timer task (expected by the test)");
            }, 1, TimeUnit.MILLISECONDS);
            loop.schedule(next::countDown, 20, TimeUnit.MILLISECONDS);
            assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            RuntimeLog.setLevel(level);
        }
    }

    private static RuntimeLog.Level quiet() {
        RuntimeLog.setLevel(RuntimeLog.Level.OFF);
        return RuntimeLog.Level.WARN;
    }
}
