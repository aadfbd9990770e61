package io.fiberize.runtime.loop;

import io.fiberize.runtime.jdk.HelperThreads;
import io.fiberize.runtime.jdk.VirtualThreads;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count what one loop does, for its {@link LoopStats}.
 *
 * <p>Plain fields are written by the loop's owner only (and read racily by a snapshot); adders by
 * any thread; the watchdog's two counts by the watchdog's thread only.
 */
final class LoopCounters {
    private long tasksRun;
    private long turns;
    private long longestTurnNanos;
    private long localResumes;
    private final LongAdder otherLoopResumes = new LongAdder();
    private final LongAdder foreignResumes = new LongAdder();
    private final LongAdder jdkHelperResumes = new LongAdder();
    private final LongAdder unblockerResumes = new LongAdder();
    private final LongAdder wakeups = new LongAdder();
    private final LongAdder fibersStarted = new LongAdder();
    private final LongAdder fibersFinished = new LongAdder();
    private final LongAdder slicedYields = new LongAdder();
    private volatile long stalls;
    private volatile long compensations;

    /** Count a task of {@code loop} handed in by {@code submitter}, by where it came from. */
    void resumedBy(Thread submitter, EventLoop loop) {
        Executor scheduler = VirtualThreads.schedulerOf(submitter);
        if (scheduler == loop || (submitter instanceof LoopThread carrier && carrier.loop == loop)) {
            localResumes++; // in a task on the loop's own carrier; racy only while compensating
        } else if (scheduler instanceof EventLoop || submitter instanceof LoopThread) {
            otherLoopResumes.increment();
        } else {
            foreignResumes.increment();
            switch (HelperThreads.of(submitter)) {
                case UNBLOCKER -> unblockerResumes.increment();
                case TIMER_OR_POLLER -> jdkHelperResumes.increment();
                case NONE -> { }
            }
        }
    }

    void taskRun() {
        tasksRun++;
    }

    void turnTook(long nanos) {
        turns++;
        if (nanos > longestTurnNanos) {
            longestTurnNanos = nanos;
        }
    }

    void wokenUp() {
        wakeups.increment();
    }

    void fiberStarted() {
        fibersStarted.increment();
    }

    void fiberFinished() {
        fibersFinished.increment();
    }

    void slicedYield() {
        slicedYields.increment();
    }

    void stalled() {
        stalls++;
    }

    /** Count a hand-off to a new carrier and return how many there were. */
    long compensated() {
        return ++compensations;
    }

    LoopStats snapshot(String name, int ready, int parkedOnIo, int timers) {
        long started = fibersStarted.sum();
        long finished = fibersFinished.sum();
        return new LoopStats(name, started - finished, started, finished, ready, parkedOnIo, timers, tasksRun, turns,
                localResumes, otherLoopResumes.sum(), foreignResumes.sum(), jdkHelperResumes.sum(),
                unblockerResumes.sum(), wakeups.sum(), longestTurnNanos, stalls, compensations, slicedYields.sum());
    }
}
