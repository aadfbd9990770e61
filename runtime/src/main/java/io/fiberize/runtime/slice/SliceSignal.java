package io.fiberize.runtime.slice;

/**
 * Tell the yield points that some loop's fiber ran past its slice: one flag the {@link Slicer}
 * raises and the fiber that yields clears.
 *
 * <p>Raised on the slicer's thread, read on every thread that runs application code: the read is
 * the whole cost of a yield point while nothing is due, so the flag is a static field behind a
 * method the JIT inlines.
 */
public final class SliceSignal {
    /** Some loop's fiber ran past its slice; cleared by the fiber that yields, raised again by the slicer. */
    private static volatile boolean raised;
    /**
     * The same flag, read plainly by {@link #raisedAtEntry}: a method entry is reached through a
     * call, across which the JIT reads a static field afresh, so the entry check needs no volatile
     * read (which costs a tight recursion more than the read itself).
     */
    private static boolean raisedAtEntry;

    private SliceSignal() {
    }

    /** Say whether some fiber's slice ran out: the check at a loop's back-edge. */
    public static boolean raised() {
        return raised;
    }

    /** Say, from a plain read, whether some fiber's slice ran out: the check at a method's entry. */
    public static boolean raisedAtEntry() {
        return raisedAtEntry;
    }

    /** Raise the flag: a loop's fiber ran past its slice. */
    static void raise() {
        raisedAtEntry = true;
        raised = true;
    }

    /** Lower the flag: the fiber whose slice ran out yields now. */
    public static void lower() {
        raisedAtEntry = false;
        raised = false;
    }
}
