package io.fiberize.runtime.schedule;

import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.LoopClock;
import java.util.function.Consumer;

/**
 * Keep a seeded schedule's time: it stands still while fibers run and jumps to the next timer once
 * none can, as Go's {@code testing/synctest} does. A program that sleeps an hour in total runs in
 * the time its code takes.
 *
 * <p>Every run starts at the same instant, 2000-01-01T00:00:00Z ({@link #currentTimeMillis()}),
 * with {@link #nanoTime()} at {@value #START_NANOS}; what the program reads of the clock is then
 * the same on every run with the same seed. Moved by the loop's carrier, read by any thread.
 */
final class VirtualClock implements LoopClock {
    /** Where {@link #nanoTime()} starts: one second, so that no program sees 0 or a negative time. */
    static final long START_NANOS = 1_000_000_000L;
    /** 2000-01-01T00:00:00Z, in milliseconds since the epoch. */
    static final long START_MILLIS = 946_684_800_000L;

    private volatile long now = START_NANOS;
    private final Consumer<EventLoop> onNoNextEvent;

    /** Create a clock that tells {@code onNoNextEvent} when a loop finds nothing left to happen. */
    VirtualClock(Consumer<EventLoop> onNoNextEvent) {
        this.onNoNextEvent = onNoNextEvent;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Return the wall-clock time in milliseconds since the epoch, as {@link System#currentTimeMillis()}. */
    long currentTimeMillis() {
        return START_MILLIS + (now - START_NANOS) / 1_000_000;
    }

    /** Return the wall-clock time as seconds since the epoch and the nanoseconds past them. */
    long[] instant() {
        long elapsed = now - START_NANOS;
        return new long[] {START_MILLIS / 1000 + elapsed / 1_000_000_000, elapsed % 1_000_000_000};
    }

    @Override
    public boolean jumps() {
        return true;
    }

    @Override
    public void jumpTo(long deadline) {
        if (deadline - now > 0) {
            now = deadline;
        }
    }

    @Override
    public void noNextEvent(EventLoop loop) {
        onNoNextEvent.accept(loop);
    }
}
