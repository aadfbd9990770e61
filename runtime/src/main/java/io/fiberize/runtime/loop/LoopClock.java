package io.fiberize.runtime.loop;

/**
 * Tell a loop the time its timers run on: the machine's ({@link #REAL}), or a virtual clock that
 * stands still while fibers run and jumps to the next timer once none can.
 *
 * <p>The loop's carrier is the only thread that moves a clock ({@link #jumpTo}); any thread may
 * read it.
 */
public interface LoopClock {
    /** The machine's monotonic clock: timers wait in real time. */
    LoopClock REAL = new LoopClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public boolean jumps() {
            return false;
        }

        @Override
        public void jumpTo(long deadline) {
            throw new UnsupportedOperationException("the real clock does not jump");
        }

        @Override
        public void noNextEvent(EventLoop loop) {
        }
    };

    /** Return the time now, in nanoseconds, on the scale of {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Say whether the clock jumps: whether a loop with nothing to run and nothing ready on I/O
     * moves it to its next timer ({@link #jumpTo}) instead of waiting for that timer.
     */
    boolean jumps();

    /** Move the clock forward to {@code deadline}, the next timer's; never back. By the loop's carrier. */
    void jumpTo(long deadline);

    /**
     * Hear that {@code loop}, on a clock that jumps, has nothing to run, nothing ready on I/O, no
     * timer and no fiber waiting for a descriptor, and that nothing was handed in while it waited
     * a moment: unless a thread outside the loop still acts, time will not move again. By the
     * loop's carrier.
     */
    void noNextEvent(EventLoop loop);
}
