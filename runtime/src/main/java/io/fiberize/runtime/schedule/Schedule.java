package io.fiberize.runtime.schedule;

import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.config.SeededSchedule;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.LoopClock;
import io.fiberize.runtime.loop.RunQueue;
import java.time.Instant;

/**
 * Run a program on a seeded schedule: the loop's run queue draws the order of its fibers from the
 * seed ({@link RandomWalk} or {@link Pct}), scheduling points in the application's code let the
 * schedule switch fibers where races live, and the program's clock is virtual ({@link
 * VirtualClock}). The same seed gives the same decisions, in the same order, and the same trace.
 *
 * <p>One loop only. Its carrier is the only thread that touches the schedule, except the clock,
 * which any thread may read.
 */
public final class Schedule {
    /** The exit status of a program found stuck: every fiber waits, and nothing is left to wake one. */
    public static final int STUCK_STATUS = 4;

    /** The options of the schedule; a restart replaces the seed. Carrier only, once the loop runs. */
    private volatile SeededSchedule config;
    private final ScheduleTrace trace = new ScheduleTrace();
    private final SeededRunQueue runQueue;
    private final VirtualClock clock = new VirtualClock(this::noNextEvent);
    private volatile boolean stuck;

    public Schedule(SeededSchedule config) {
        this.config = config;
        this.runQueue = switch (config.policy()) {
            case RANDOM -> new RandomWalk(config.seed(), trace);
            case PCT -> new Pct(config.seed(), config.pctDepth(), trace);
        };
    }

    /** Return the run queue of the schedule's loop. */
    public RunQueue runQueue() {
        return runQueue;
    }

    /** Return the clock of the schedule's loop. */
    public LoopClock clock() {
        return clock;
    }

    /**
     * Let the schedule switch fibers here: the running fiber yields if the policy chose another.
     * Called by a fiber of the schedule's loop, on its carrier.
     */
    public void point() {
        if (runQueue.switchAt()) {
            Thread.yield();
        }
    }

    /**
     * Start the schedule over from {@code seed}, as a run with that seed starts: for a test tool
     * that explores many seeds in one JVM. The clock goes on. Called by a fiber of the schedule.
     *
     * @throws IllegalStateException if the caller is not a fiber of the schedule's loop
     */
    public void restart(long seed) {
        if (Fibers.currentLoop() == null) {
            throw new IllegalStateException("a schedule restarts from one of its fibers, not from "
                    + Thread.currentThread());
        }
        config = new SeededSchedule(seed, config.policy(), config.pctDepth());
        runQueue.restart(seed);
    }

    /** Return the program's {@link System#nanoTime()}. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    /** Return the program's {@link System#currentTimeMillis()}. */
    public long currentTimeMillis() {
        return clock.currentTimeMillis();
    }

    /** Return the program's {@link Instant#now()}. */
    public Instant instant() {
        long[] instant = clock.instant();
        return Instant.ofEpochSecond(instant[0], instant[1]);
    }

    /**
     * Describe the schedule so far: its options, how many decisions it made, their trace, and how
     * to replay it.
     */
    public String summary() {
        return "schedule " + config.options() + ": " + trace.decisions() + " decisions, trace " + trace.hash()
                + "; replay with -javaagent:fiberize.jar=" + config.options();
    }

    private void noNextEvent(EventLoop loop) {
        if (stuck || loop.stats().fibersAlive() == 0) {
            return;
        }
        stuck = true;
        RuntimeLog.warn(StuckReport.of(summary()));
        // Not on the carrier: System.exit waits for the shutdown hooks, which may need the loop.
        Thread.ofPlatform().name("fiberize-stuck").start(() -> System.exit(STUCK_STATUS));
    }
}
