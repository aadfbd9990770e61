package io.fiberize.runtime.jmx;

/**
 * Show one loop's counters through JMX as {@code io.fiberize:type=Loop,name=<loop>}.
 *
 * <p>Each attribute reads the loop's counters without stopping it, so values read one after the
 * other may come from slightly different moments.
 */
public interface LoopMXBean {

    /** Return the loop's name ({@code all} for the group total). */
    String getName();

    /** Return the fibers started on this loop that have not finished. */
    long getFibersAlive();

    /** Return the fibers started on this loop. */
    long getFibersStarted();

    /** Return the fibers that finished on this loop. */
    long getFibersFinished();

    /** Return the tasks in the run queue (ready fibers). */
    int getReady();

    /** Return the fibers waiting for a file descriptor. */
    int getParkedOnIo();

    /** Return the pending timers (sleeps and timed parks). */
    int getTimers();

    /** Return the tasks (fiber runs) run. */
    long getTasksRun();

    /** Return the loop turns. */
    long getTurns();

    /** Return the resumes handed in from the loop's own carrier. */
    long getLocalResumes();

    /** Return the resumes handed in from another loop's carrier. */
    long getOtherLoopResumes();

    /** Return the resumes handed in from any other thread. */
    long getForeignResumes();

    /** Return the foreign resumes that came from the JDK's timer and socket helper threads. */
    long getJdkHelperResumes();

    /** Return the foreign resumes that came from {@code VirtualThread-unblocker}. */
    long getUnblockerResumes();

    /** Return the times another thread woke the loop's selector. */
    long getWakeups();

    /** Return the longest turn seen, in microseconds. */
    long getLongestTurnMicros();

    /** Return the times the watchdog found the loop stuck in one task. */
    long getStalls();

    /** Return the times the watchdog handed the loop to a new carrier. */
    long getCompensations();

    /** Return the times a fiber that computed past its slice yielded to the others. */
    long getSlicedYields();
}
