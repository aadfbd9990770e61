package io.fiberize.runtime.hooks;

import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.slice.SliceSignal;
import io.fiberize.runtime.slice.Slicer;

/**
 * Give the loop back from application code that computes: the yield points the agent puts at the
 * loop back-edges of application classes call {@link #check()}, those at the entry of their
 * self-calling methods {@link #checkEntry()}, and their {@code Thread.onSpinWait()} calls become
 * {@link #onSpinWait()}.
 *
 * <p>The check is one read of a flag ({@link SliceSignal}) that the {@link Slicer} raises when
 * some loop's fiber has run past its slice; only then does a fiber look further, and the one whose
 * slice ran out yields to the back of its loop's queue, behind the I/O and timers that came meanwhile. The JDK lets a
 * virtual thread yield while it holds a monitor; one pinned by a native frame or a class
 * initializer stays, and yields at its next check after that.
 *
 * <p>Runs on any thread that runs application code; off a loop's fibers it only reads the flag.
 */
public final class SliceHooks {
    private SliceHooks() {
    }

    /** A yield point: yield if the current fiber's slice ran out. */
    public static void check() {
        if (SliceSignal.raised()) {
            yieldIfExpired();
        }
    }

    /** A yield point at the entry of a method that calls itself: as {@link #check()}. */
    public static void checkEntry() {
        if (SliceSignal.raisedAtEntry()) {
            yieldIfExpired();
        }
    }

    /**
     * Stand for {@code Thread.onSpinWait()}: a fiber that spins waits for another thread, which on
     * its loop can only run once the spinner yields, so it yields at once; any other thread spins.
     */
    public static void onSpinWait() {
        if (Fibers.currentLoop() != null) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    private static void yieldIfExpired() {
        EventLoop loop = Fibers.currentLoop();
        if (loop != null && loop.takeExpiredSlice()) {
            SliceSignal.lower();
            Thread.yield();
        }
    }
}
