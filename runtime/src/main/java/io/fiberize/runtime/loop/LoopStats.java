package io.fiberize.runtime.loop;

/**
 * A snapshot of what one loop has done and what its fibers wait for.
 *
 * <p>Counters are read without stopping the loop, so a snapshot of a busy loop is approximate.
 *
 * @param name             the loop's name
 * @param fibersAlive      fibers started on this loop that have not finished
 * @param fibersStarted    fibers started on this loop
 * @param fibersFinished   fibers that finished on this loop
 * @param ready            tasks in the run queue
 * @param parkedOnIo       fibers waiting for a file descriptor
 * @param timers           pending timers (sleeps and timed parks)
 * @param tasksRun         tasks (fiber runs) run
 * @param turns            loop turns
 * @param localResumes     tasks submitted from the loop's own carrier
 * @param otherLoopResumes tasks submitted from another loop's carrier
 * @param foreignResumes   tasks submitted from any other thread (JDK helpers, platform threads)
 * @param jdkHelperResumes of those, the ones from the JDK's timer and socket helpers
 *                         ({@code VirtualThread-unparker}, pollers): waits that went around the loop
 * @param unblockerResumes of those, the ones from {@code VirtualThread-unblocker}, the JDK thread
 *                         that hands a contended monitor to a waiting virtual thread; no rewrite can
 *                         move that hand-off onto the loop
 * @param wakeups          times another thread woke the loop's selector
 * @param longestTurnNanos the longest turn seen
 * @param stalls           times the watchdog found the loop stuck in one task
 * @param compensations    times the watchdog handed the loop to a new carrier
 * @param slicedYields     times a fiber that computed past its slice yielded to the others
 */
public record LoopStats(String name, long fibersAlive, long fibersStarted, long fibersFinished, int ready,
                        int parkedOnIo, int timers, long tasksRun, long turns, long localResumes,
                        long otherLoopResumes, long foreignResumes, long jdkHelperResumes, long unblockerResumes, long wakeups, long longestTurnNanos,
                        long stalls, long compensations, long slicedYields) {

    /**
     * Add two snapshots, for a total over a loop group.
     */
    public LoopStats plus(LoopStats o) {
        return new LoopStats("all", fibersAlive + o.fibersAlive, fibersStarted + o.fibersStarted,
                fibersFinished + o.fibersFinished, ready + o.ready, parkedOnIo + o.parkedOnIo, timers + o.timers,
                tasksRun + o.tasksRun, turns + o.turns, localResumes + o.localResumes,
                otherLoopResumes + o.otherLoopResumes, foreignResumes + o.foreignResumes,
                jdkHelperResumes + o.jdkHelperResumes, unblockerResumes + o.unblockerResumes, wakeups + o.wakeups,
                Math.max(longestTurnNanos, o.longestTurnNanos), stalls + o.stalls, compensations + o.compensations,
                slicedYields + o.slicedYields);
    }
}
