package io.fiberize.runtime.watch;

import io.fiberize.runtime.loop.EventLoop;

/**
 * Remember, for the watchdog, where one loop was at its last sample: in which task, since when,
 * and what was said of it.
 *
 * <pre>
 *   BETWEEN_TASKS -> IN_TASK        a sample finds a task running (an odd turn state)
 *   IN_TASK       -> IN_TASK        a sample finds another task running: the clock restarts
 *   IN_TASK       -> REPORTED       a window of one threshold passed in the same task: diagnosed
 *   REPORTED      -> REPORTED       another window passed and the diagnosis changed
 *   REPORTED      -> IN_TASK        a sample finds another task running
 *   any           -> BETWEEN_TASKS  a sample finds the loop between tasks
 * </pre>
 *
 * <p>A diagnosis is made over one window of CPU and run-queue times; a stall diagnosed as holding
 * its carrier ({@link Stall.Cause#blocksCarrier}) is not looked at again until its task ends.
 * Touched by the watchdog's thread only.
 */
final class LoopWatch {
    enum Phase { BETWEEN_TASKS, IN_TASK, REPORTED }

    final EventLoop loop;
    private Phase phase = Phase.BETWEEN_TASKS;
    /** The turn state of the task last seen running. */
    private long task;
    /** When that task was first seen. */
    private long since;
    private long windowStart;
    /** The carrier's CPU time at the window's start; -1 if unknown. */
    private long cpuAtWindowStart;
    /** The carrier's time waiting for a CPU at the window's start; -1 if unknown. */
    private long waitAtWindowStart;
    private Stall.Cause reported;

    LoopWatch(EventLoop loop) {
        this.loop = loop;
    }

    Phase phase() {
        return phase;
    }

    /** Say whether {@code turnState} is the task this loop was last seen in. */
    boolean sameTask(long turnState) {
        return phase != Phase.BETWEEN_TASKS && turnState == task;
    }

    /** Note that the loop is between tasks. */
    void betweenTasks() {
        phase = Phase.BETWEEN_TASKS;
        reported = null;
    }

    /** Note that the loop runs a task not seen before, at {@code now}, with its carrier's counters then. */
    void taskStarted(long turnState, long now, long cpu, long wait) {
        phase = Phase.IN_TASK;
        task = turnState;
        since = now;
        reported = null;
        startWindow(now, cpu, wait);
    }

    /**
     * Say whether the task seen since {@link #taskStarted} is due a diagnosis at {@code now}: a
     * whole window passed, and it is not already known to hold its carrier.
     */
    boolean due(long now, long windowNanos) {
        assert phase != Phase.BETWEEN_TASKS : phase;
        return now - windowStart >= windowNanos && (reported == null || !reported.blocksCarrier());
    }

    /** Return how long the task has run, in milliseconds, at {@code now}. */
    long millisSince(long now) {
        return (now - since) / 1_000_000;
    }

    /**
     * Return what share of the window ending at {@code now} the carrier ran ({@code [0]}) and
     * waited for a CPU ({@code [1]}), each -1 if unknown, and start the next window.
     */
    double[] endWindow(long now, long cpu, long wait) {
        long window = now - windowStart;
        double[] shares = {share(cpuAtWindowStart, cpu, window), share(waitAtWindowStart, wait, window)};
        startWindow(now, cpu, wait);
        return shares;
    }

    /** Record {@code cause} as diagnosed; return {@code false} when it was the last one said already. */
    boolean diagnosed(Stall.Cause cause) {
        assert phase != Phase.BETWEEN_TASKS : phase;
        if (cause == reported) {
            return false;
        }
        phase = Phase.REPORTED;
        reported = cause;
        return true;
    }

    private void startWindow(long now, long cpu, long wait) {
        windowStart = now;
        cpuAtWindowStart = cpu;
        waitAtWindowStart = wait;
    }

    private static double share(long before, long after, long window) {
        return before < 0 || after < 0 ? -1 : (double) (after - before) / window;
    }
}
