package io.fiberize.runtime.loop;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Run N independent loops and place new fibers on them in turn.
 *
 * <p>A fiber stays on the loop it was placed on for its whole life. With one loop (the default)
 * only one fiber runs at a time.
 */
public final class LoopGroup {
    private final EventLoop[] loops;
    private final LastingRegistrations lasting;
    private final AtomicInteger next = new AtomicInteger();

    private LoopGroup(EventLoop[] loops, LastingRegistrations lasting) {
        this.loops = loops;
        this.lasting = lasting;
    }

    /**
     * Create and start {@code count} loops named {@code prefix-0}, {@code prefix-1}, ..., on the
     * machine's clock.
     */
    public static LoopGroup start(String prefix, int count, Supplier<RunQueue> runQueues) {
        return start(prefix, count, runQueues, LoopClock.REAL);
    }

    /**
     * Create and start {@code count} loops named {@code prefix-0}, {@code prefix-1}, ..., whose
     * timers run on {@code clock}.
     */
    public static LoopGroup start(String prefix, int count, Supplier<RunQueue> runQueues, LoopClock clock) {
        if (count < 1) {
            throw new IllegalArgumentException("a loop group needs at least one loop, not " + count);
        }
        LastingRegistrations lasting = new LastingRegistrations();
        EventLoop[] loops = new EventLoop[count];
        for (int i = 0; i < count; i++) {
            loops[i] = new EventLoop(prefix + "-" + i, runQueues.get(), clock, lasting, i).start();
        }
        return new LoopGroup(loops, lasting);
    }

    /**
     * Return the loop the next new fiber goes to.
     */
    public EventLoop next() {
        if (loops.length == 1) {
            return loops[0];
        }
        return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
    }

    /** Return the loops, in order. */
    public List<EventLoop> loops() {
        return Arrays.asList(loops.clone());
    }

    /**
     * Wake the waiters of {@code fd} on every loop, as a close from any thread must.
     */
    public void stopWaiters(int fd, boolean read) {
        for (EventLoop loop : loops) {
            loop.stopWaiters(fd, read);
        }
    }

    /**
     * Tell the loops that registered {@code fd} lastingly to drop it: its socket is about to be
     * closed (or replaced by {@code dup2}), after which the kernel may give the number to a new
     * one. Called before the close, so each loop drops it before any wait for that new socket.
     */
    public void forget(int fd) {
        int marks = lasting.take(fd);
        while (marks != 0) {
            loops[Integer.numberOfTrailingZeros(marks)].forget(fd);
            marks &= marks - 1;
        }
    }

    /** Sum the statistics of all loops. */
    public LoopStats stats() {
        LoopStats total = loops[0].stats();
        for (int i = 1; i < loops.length; i++) {
            total = total.plus(loops[i].stats());
        }
        return total;
    }

    /** Tell every loop the JVM is exiting ({@link EventLoop#exiting}). */
    public void exiting() {
        for (EventLoop loop : loops) {
            loop.exiting();
        }
    }

    /** Stop every loop; for tests and embedders. */
    public void shutdown() {
        for (EventLoop loop : loops) {
            loop.shutdown();
        }
    }
}
