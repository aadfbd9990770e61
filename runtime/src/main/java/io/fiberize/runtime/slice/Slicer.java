package io.fiberize.runtime.slice;

import io.fiberize.runtime.loop.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Notice a loop whose fiber has run one task for longer than a slice, and ask that fiber to yield
 * at its next yield point, where it reads {@link SliceSignal}.
 *
 * <p>A daemon platform thread samples each loop's {@link EventLoop#turnState()} every quarter
 * slice, as the watchdog does every half threshold: a task first seen running is taken to have
 * started halfway between that sample and the one before, and once the same odd value (one task
 * running) has lasted a slice from there, that task's slice is expired. So a fiber yields within
 * about a quarter slice of a slice of computing, and a loop whose tasks come back sooner costs the
 * slicer one read per sample.
 */
public final class Slicer implements Runnable {
    private final List<Clock> clocks;
    private final long sliceNanos;
    private final long periodNanos;
    private volatile boolean stopped;

    /** Create a slicer over {@code loops}; {@link #start()} starts its thread. */
    public Slicer(List<EventLoop> loops, long sliceMillis) {
        if (sliceMillis <= 0) {
            throw new IllegalArgumentException("a slice must be positive, not " + sliceMillis);
        }
        this.clocks = loops.stream().map(Clock::new).toList();
        this.sliceNanos = TimeUnit.MILLISECONDS.toNanos(sliceMillis);
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), sliceNanos / 4);
    }

    /** Start the slicer's thread. */
    public Slicer start() {
        Thread.ofPlatform().name("fiberize-slicer").daemon(true).inheritInheritableThreadLocals(false).start(this);
        return this;
    }

    /** Stop sampling; for tests and embedders. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long previous = System.nanoTime();
        while (!stopped) {
            try {
                Thread.sleep(Duration.ofNanos(periodNanos));
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Clock clock : clocks) {
                clock.sample(previous, now, sliceNanos);
            }
            previous = now;
        }
    }

    /** What the slicer last saw of one loop: which task ran, since when, and whether it was told. */
    private static final class Clock {
        private final EventLoop loop;
        private long state;
        private long since;
        private boolean told;

        Clock(EventLoop loop) {
            this.loop = loop;
        }

        /** Look at the loop at {@code now}; the slicer looked last at {@code previous}. */
        void sample(long previous, long now, long sliceNanos) {
            long seen = loop.turnState();
            if (seen != state) {
                state = seen;
                since = previous + (now - previous) / 2;
                told = false;
            } else if ((seen & 1) == 1 && !told && now - since >= sliceNanos) {
                told = true;
                loop.sliceExpired(seen);
                SliceSignal.raise();
            }
        }
    }
}
