package io.fiberize.runtime.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Number the tasks a loop runs, so that the watchdog and the slicer can tell one task from the
 * next, and the watchdog can take the loop from a carrier stuck in one.
 *
 * <pre>
 *   2k          -> 2k + 1      the owner starts task k            ({@link #beginTask})
 *   2k + 1      -> 2k + 2      the owner's task k returned        ({@link #endTask})
 *   2k + 1      -> HANDED_OFF  the watchdog gave the loop away    ({@link #handOff})
 *   HANDED_OFF  -> 2k' + 1     the new carrier starts its first task, k' = k + 1
 * </pre>
 *
 * <p>Only the owner moves the word forward; the watchdog only ever changes an odd value, so each
 * side learns from one CAS who won. The expired slice is the slicer's note that the task in a
 * given state ran too long; the fiber of that task takes it at its next yield point.
 */
final class TurnState {
    private static final long HANDED_OFF = -2;
    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(TurnState.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through WORD
    private volatile long word;
    /** The number of the next task; owner only, and the watchdog once it won a hand-off. */
    private long taskSequence;
    /** The word of the task whose slice ran out, until its fiber yields; 0 for none. */
    private volatile long expiredSlice;
    /** The task just run yielded because its slice ran out; owner only. */
    private boolean sliceYielded;

    /** Publish that the next task runs, and return its word. Owner only. */
    long beginTask() {
        long running = 2 * taskSequence + 1;
        WORD.setRelease(this, running);
        return running;
    }

    /**
     * Publish that the task begun with {@code running} returned; {@code false} when the watchdog
     * gave the loop away meanwhile, and the caller no longer owns it. Owner only.
     */
    boolean endTask(long running) {
        if (!WORD.compareAndSet(this, running, running + 1)) {
            return false;
        }
        taskSequence++;
        return true;
    }

    /** Return the word: odd while a task runs, and different for every task. */
    long current() {
        return (long) WORD.getAcquire(this);
    }

    /**
     * Take the loop from the carrier stuck in the task of word {@code observed}; {@code false}
     * when that task ended meanwhile. From the watchdog.
     *
     * <p>Both interleavings: if the stuck task ends first, its carrier's CAS moves the word on
     * and ours fails, so nothing changes. If ours wins, the old carrier's CAS fails when the task
     * finally returns, and it leaves the loop without touching it again.
     */
    boolean handOff(long observed) {
        if ((observed & 1) == 0 || !WORD.compareAndSet(this, observed, HANDED_OFF)) {
            return false;
        }
        // The stuck task keeps its number: the new carrier starts at the next one. Had it reused
        // it, its first task would publish the very odd value the old carrier still expects, and
        // if the stuck task returned meanwhile, the old carrier's CAS would succeed and both
        // would own the loop. Safe to write here: the old carrier wrote taskSequence before it
        // published `observed` (which our CAS read), never touches it once its CAS fails, and
        // the new carrier reads it after Thread.start.
        taskSequence++;
        return true;
    }

    /** Note that the task of word {@code running} ran past its slice. From the slicer. */
    void sliceExpired(long running) {
        expiredSlice = running;
    }

    /** Say whether the task of word {@code running} was told its slice ran out and has not taken the note. */
    boolean sliceExpiredIn(long running) {
        return expiredSlice == running;
    }

    /**
     * Say whether the running task's slice ran out, and if so take the note: the task yields and
     * the turn ends after it, so that its fiber goes behind the I/O and timers that came meanwhile.
     * A slice that expired for an earlier task (it blocked meanwhile) is not this one's. By the
     * running fiber, on the owner.
     */
    boolean takeExpiredSlice() {
        long expired = expiredSlice;
        if (expired == 0 || expired != (long) WORD.getOpaque(this)) {
            return false;
        }
        expiredSlice = 0;
        sliceYielded = true;
        return true;
    }

    /** Say whether the task just run yielded on an expired slice, and forget it. Owner only. */
    boolean takeSliceYielded() {
        boolean yielded = sliceYielded;
        sliceYielded = false;
        return yielded;
    }

    /** Say whether the task just run yielded on an expired slice. Owner only. */
    boolean sliceYielded() {
        return sliceYielded;
    }
}
