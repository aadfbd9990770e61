package io.fiberize.runtime.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Run a task on a loop at a deadline, unless cancelled first.
 *
 * <p>State machine; only the first transition out of {@code PENDING} wins:
 * <pre>
 *   PENDING -> FIRED       the loop reached the deadline and runs the task
 *   PENDING -> CANCELLED   cancel(), from any thread
 * </pre>
 * Whether the timer sits in its loop's {@link TimerQueue} is the loop's business alone: the
 * timer is itself the {@link LoopOp} that brings the queue in line with its state, so scheduling
 * and cancelling from inside a fiber cost no allocation beyond the timer.
 */
public final class Timer implements ScheduledFuture<Void>, LoopOp {
    private static final int PENDING = 0;
    private static final int FIRED = 1;
    private static final int CANCELLED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Timer.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    final long deadline;
    final Runnable task;
    long sequence;                       // owned by the loop's TimerQueue: FIFO among equal deadlines
    int heapIndex = -1;                  // owned by the loop's TimerQueue
    @SuppressWarnings("unused") // through STATE
    private volatile int state;

    Timer(EventLoop loop, long deadline, Runnable task) {
        this.loop = loop;
        this.deadline = deadline;
        this.task = task;
    }

    /**
     * Claim the timer for firing; the loop runs the task only when this returns {@code true}.
     */
    boolean fire() {
        return STATE.compareAndSet(this, PENDING, FIRED);
    }

    /**
     * Bring the loop's timer queue in line with this timer's state; loop thread only.
     */
    @Override
    public void run() {
        int s = (int) STATE.getVolatile(this);
        if (s == PENDING && heapIndex < 0) {
            loop.timers.add(this);
        } else if (s == CANCELLED && heapIndex >= 0) {
            loop.timers.remove(this);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
            loop.submit(this);
            return true;
        }
        return false;
    }

    @Override
    public boolean isCancelled() {
        return (int) STATE.getVolatile(this) == CANCELLED;
    }

    @Override
    public boolean isDone() {
        return (int) STATE.getVolatile(this) != PENDING;
    }

    /**
     * Timers carry no result; waiting on one is not supported.
     */
    @Override
    public Void get() {
        throw new UnsupportedOperationException("a loop timer has no result to wait for");
    }

    @Override
    public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        throw new UnsupportedOperationException("a loop timer has no result to wait for");
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(deadline - loop.clock.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        if (other instanceof Timer t) {
            int c = Long.compare(deadline - t.deadline, 0);
            return c != 0 ? c : Long.compare(sequence, t.sequence);
        }
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public String toString() {
        return "Timer[" + (deadline - loop.clock.nanoTime()) / 1_000_000 + " ms, " + task + "]";
    }

}
