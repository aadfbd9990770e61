package io.fiberize.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.LoopGroup;
import io.fiberize.runtime.loop.RunQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The seeded policies draw the same order from the same seed, PCT runs the fiber of highest
 * priority, and the virtual clock jumps to the next timer once nothing can run, and says so when
 * nothing is left.
 */
class ScheduleTest {

    /** Add {@code n} tasks to {@code queue} and poll them all; return their numbers in polling order. */
    private static List<Integer> drain(SeededRunQueue queue, int n) {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = i;
            Runnable task = () -> assertThat(number).isNotNegative(); // capturing: one object per task
            tasks.add(task);
            queue.add(task);
        }
        List<Integer> order = new ArrayList<>();
        for (Runnable task; (task = queue.poll()) != null; ) {
            order.add(tasks.indexOf(task));
        }
        return order;
    }

    @Test
    void aRandomWalkDrawsTheSameOrderFromTheSameSeed() {
        LongFunction<SeededRunQueue> walk = seed -> new RandomWalk(seed, new ScheduleTrace());
        List<Integer> first = drain(walk.apply(42), 12);

        assertThat(first).hasSize(12).doesNotHaveDuplicates();
        assertThat(drain(walk.apply(42), 12)).isEqualTo(first);
        assertThat(drain(walk.apply(43), 12)).isNotEqualTo(first);
    }

    @Test
    void aRestartedScheduleDecidesAsANewOneWithItsSeed() {
        Pct restarted = new Pct(1, 3, new ScheduleTrace());
        drain(restarted, 5); // the last one polled runs: it restarts the schedule
        restarted.restart(42);
        Pct fresh = new Pct(42, 3, new ScheduleTrace());
        drain(fresh, 1); // one task runs here too

        assertThat(drain(restarted, 12)).isEqualTo(drain(fresh, 12));
    }

    @Test
    void theSameDecisionsGiveTheSameTrace() {
        ScheduleTrace one = new ScheduleTrace();
        ScheduleTrace two = new ScheduleTrace();
        drain(new Pct(7, 3, one), 8);
        drain(new Pct(7, 3, two), 8);

        assertThat(one.hash()).isEqualTo(two.hash());
        assertThat(one.decisions()).isEqualTo(8);
    }

    @Test
    void pctRunsTheReadyTaskOfHighestPriorityAndKeepsItWithoutAChangePoint() {
        Pct pct = new Pct(5, 1, new ScheduleTrace());
        List<Runnable> tasks = List.of(() -> { }, () -> { }, () -> { });
        tasks.forEach(pct::add);
        Runnable running = pct.poll();
        long highest = pct.known(running).priority;

        for (Runnable task : tasks) {
            assertThat(pct.known(task).priority).isLessThanOrEqualTo(highest);
        }
        for (int point = 0; point < 2 * Pct.STEPS; point++) {
            assertThat(pct.switchAt()).as("at scheduling point %d", point).isFalse();
        }
    }

    @Test
    void aRandomWalkSwitchesAtSomePointsAndNotAtOthers() {
        RandomWalk walk = new RandomWalk(3, new ScheduleTrace());
        walk.add(() -> { });
        walk.add(() -> { });
        walk.poll();
        int switches = 0;
        for (int point = 0; point < 100; point++) {
            if (walk.switchAt()) {
                switches++;
            }
        }
        assertThat(switches).as("switches of a running task with one other ready, of 100 points").isBetween(20, 80);
    }

    @Test
    void theClockJumpsToTheNextTimerOnceNothingCanRun() throws InterruptedException {
        List<EventLoop> stuck = new CopyOnWriteArrayList<>();
        VirtualClock clock = new VirtualClock(stuck::add);
        LoopGroup group = LoopGroup.start("virtual", 1, RunQueue.Fifo::new, clock);
        try {
            EventLoop loop = group.next();
            AtomicLong firedAt = new AtomicLong();
            CountDownLatch fired = new CountDownLatch(1);
            long realStart = System.nanoTime();
            AtomicLong stuckWhenFired = new AtomicLong(-1);
            loop.schedule(() -> {
                firedAt.set(clock.nanoTime());
                stuckWhenFired.set(stuck.size());
                fired.countDown();
            }, 1, TimeUnit.HOURS);

            assertThat(fired.await(5, TimeUnit.SECONDS)).as("an hour's timer fired within 5 real seconds").isTrue();
            assertThat(firedAt.get() - VirtualClock.START_NANOS).isEqualTo(TimeUnit.HOURS.toNanos(1));
            assertThat(clock.currentTimeMillis()).isEqualTo(VirtualClock.START_MILLIS + 3_600_000);
            assertThat(System.nanoTime() - realStart).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(stuckWhenFired.get()).as("times the clock heard of nothing left while a timer was due").isZero();
        } finally {
            group.shutdown();
        }
    }

    @Test
    void aLoopWhoseFibersAllWaitForeverTellsTheClock() {
        List<EventLoop> stuck = new CopyOnWriteArrayList<>();
        LoopGroup group = LoopGroup.start("stuck", 1, RunQueue.Fifo::new, new VirtualClock(stuck::add));
        try {
            Thread fiber = Fibers.start(group.next(), "waits-forever", true, LockSupport::park);
            Eventually.await("the clock told that nothing is left", () -> !stuck.isEmpty());
            assertThat(stuck.getFirst()).isSameAs(group.next());
            assertThat(fiber.getState()).isEqualTo(Thread.State.WAITING);
            LockSupport.unpark(fiber);
        } finally {
            group.shutdown();
        }
    }
}
