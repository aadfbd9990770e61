package io.fiberize.runtime.loop;

import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.os.SchedStat;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Carry one loop: the platform thread its fibers are mounted on, and the only code that touches
 * the loop's run queue, timer queue and poller.
 *
 * <p>A turn: wait for I/O (blocking only when nothing is ready, up to the nearest timer), fire
 * due timers, take what other threads handed in, then run up to {@value #TASKS_PER_TURN} ready
 * tasks. The budget is the fairness rule: a stream of fibers that keep each other ready cannot
 * starve I/O and timers for longer than that many tasks; a fiber that yields because its time
 * slice ran out ends the turn at once, behind the I/O and timers that came meanwhile.
 *
 * <p>{@link #inTask} tells the loop's own code (between tasks) from code that runs inside a task
 * on the same thread (a fiber, or the JDK right after unmounting one). Only the former may touch
 * the loop's state directly; the latter goes through the inbox like any other thread. The flag
 * lives on the thread, not the loop, so that a carrier that lost its loop to a compensating
 * carrier while pinned in a task never mistakes itself for the owner.
 */
final class LoopThread extends Thread {
    /** Tasks run per turn before the loop polls I/O and timers again. */
    static final int TASKS_PER_TURN = 64;
    /** How long a loop on a jumping clock with no timer waits for the outside before it says nothing is left. */
    private static final int QUIET_MILLIS = 500;
    /** The longest the loop waits for a hand-in its run queue must see before it chooses. */
    private static final long HAND_IN_WAIT_MILLIS = 100;
    /** The longest the loop parks between looks at I/O while the JVM exits. */
    private static final long EXITING_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    final EventLoop loop;
    boolean inTask;
    /** The operating system's id of this thread, once it runs; -1 before, or where unknown. */
    volatile int tid = -1;

    LoopThread(EventLoop loop, String name) {
        super(null, null, name, 0, false);
        this.loop = loop;
        setDaemon(true);
    }

    @Override
    public void run() {
        tid = SchedStat.currentTid();
        try {
            while (!loop.shutdown) {
                if (!turn()) {
                    return; // handed off: the compensating carrier owns the loop now
                }
            }
        } catch (Throwable t) {
            RuntimeLog.warn("loop " + loop.name() + " died; its fibers will not run again", t);
            throw t;
        }
        try {
            loop.poller.close();
        } catch (IOException e) {
            RuntimeLog.warn("loop " + loop.name() + " could not close its epoll instance", e);
        }
    }

    /** Run one turn; {@code false} when the watchdog gave the loop to another carrier meanwhile. */
    private boolean turn() {
        poll();
        long start = System.nanoTime();
        fireTimers(loop.clock.nanoTime());
        drainInbox();
        for (int budget = TASKS_PER_TURN; budget > 0; budget--) {
            awaitHandIns();
            Runnable task = loop.runQueue.poll();
            if (task == null) {
                drainInbox();
                task = loop.runQueue.poll();
                if (task == null) {
                    break;
                }
            }
            if (!runTask(task)) {
                return false;
            }
            if (loop.turnState.takeSliceYielded()) {
                break;
            }
        }
        loop.counters.turnTook(System.nanoTime() - start);
        return true;
    }

    /**
     * Poll I/O, blocking up to the nearest timer only when nothing is ready to run and no hand-in
     * is on its way ({@link Inbox#announceSleep}); once the JVM exits ({@link EventLoop#exiting}),
     * an idle loop looks without blocking and then parks instead.
     */
    private void poll() {
        if (loop.clock.jumps()) {
            pollJumping();
            return;
        }
        int timeout = 0;
        int exitingIdleMillis = 0;
        if (idle()) {
            timeout = millisToNextTimer();
            if (timeout != 0 && loop.exiting) {
                exitingIdleMillis = timeout;
                timeout = 0;
            }
        }
        pollUnlessHandedIn(timeout);
        if (exitingIdleMillis != 0 && idle()) {
            parkWhileExiting(exitingIdleMillis);
        }
    }

    /**
     * Poll I/O on a clock that jumps: look without blocking; when that readies nothing, move the
     * clock to the next timer. With no timer, wait a moment ({@value #QUIET_MILLIS} ms) for the
     * outside (offloaded calls, other threads, peers outside the JVM), and tell the clock when
     * nothing came and no fiber waits for a descriptor either: then nothing is left to happen.
     */
    private void pollJumping() {
        pollUnlessHandedIn(0);
        if (!idle()) {
            return;
        }
        Timer next = loop.timers.peek();
        if (next != null) {
            if (next.deadline - loop.clock.nanoTime() > 0) {
                loop.clock.jumpTo(next.deadline);
            }
            return;
        }
        if (loop.exiting) {
            parkWhileExiting(-1);
            return;
        }
        pollUnlessHandedIn(QUIET_MILLIS);
        if (idle() && loop.timers.peek() == null && loop.poller.waiting() == 0) {
            loop.clock.noNextEvent(loop);
        }
    }

    /** Say whether the loop has nothing to run and nothing handed in. */
    private boolean idle() {
        return loop.runQueue.size() == 0 && loop.inbox.isEmpty() && !loop.shutdown;
    }

    /**
     * Poll I/O, blocking up to {@code timeoutMillis} (-1: no limit) unless a hand-in is on its way
     * or the loop is shutting down.
     */
    private void pollUnlessHandedIn(int timeoutMillis) {
        boolean announced = timeoutMillis != 0;
        int timeout = timeoutMillis;
        if (announced && (!loop.inbox.announceSleep() || loop.shutdown)) {
            timeout = 0;
        }
        try {
            loop.poller.poll(timeout);
        } catch (IOException e) {
            RuntimeLog.warn("loop " + loop.name() + ": epoll_wait failed", e);
        } finally {
            if (announced) {
                loop.inbox.awake();
            }
        }
    }

    /**
     * Park for at most {@link #EXITING_PARK_NANOS}, or until the next timer ({@code timeoutMillis},
     * -1 for none): how an idle loop waits once the JVM exits, after a look at I/O that does not
     * block. HotSpot's last safepoint waits up to 300 ms for every thread inside a native call,
     * such as {@code epoll_wait}, to come out; a parked thread it does not wait for.
     */
    private void parkWhileExiting(int timeoutMillis) {
        long nanos = timeoutMillis < 0 ? EXITING_PARK_NANOS
                : Math.min(EXITING_PARK_NANOS, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        LockSupport.parkNanos(this, nanos);
    }

    private int millisToNextTimer() {
        Timer next = loop.timers.peek();
        if (next == null) {
            return -1;
        }
        long nanos = next.deadline - loop.clock.nanoTime();
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
    }

    /**
     * Take in the hand-ins the run queue waits for ({@link RunQueue#awaitingHandIn}) before it
     * chooses, for at most {@value #HAND_IN_WAIT_MILLIS} ms.
     */
    private void awaitHandIns() {
        if (!loop.runQueue.awaitingHandIn()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HAND_IN_WAIT_MILLIS);
        do {
            Thread.onSpinWait();
            drainInbox();
        } while (loop.runQueue.awaitingHandIn() && System.nanoTime() - deadline < 0);
    }

    private void drainInbox() {
        Runnable work;
        while ((work = loop.inbox.poll()) != null) {
            accept(work);
        }
    }

    /** Run a {@link LoopOp} now, or queue a task to run. Between tasks only. */
    void accept(Runnable work) {
        if (work instanceof LoopOp op) {
            try {
                op.run();
            } catch (Throwable t) {
                RuntimeLog.warn("loop " + loop.name() + ": bookkeeping step " + op + " failed", t);
            }
        } else {
            loop.runQueue.add(work);
        }
    }

    private void fireTimers(long now) {
        Timer timer;
        while ((timer = loop.timers.peek()) != null && timer.deadline - now <= 0) {
            loop.timers.poll();
            if (timer.fire()) {
                try {
                    timer.task.run();
                } catch (Throwable t) {
                    RuntimeLog.warn("loop " + loop.name() + ": timer task " + timer.task + " failed", t);
                }
            }
        }
    }

    private boolean runTask(Runnable task) {
        long running = loop.turnState.beginTask();
        inTask = true;
        try {
            task.run();
        } catch (Throwable t) {
            RuntimeLog.warn("loop " + loop.name() + ": task " + task + " threw", t);
        } finally {
            inTask = false;
        }
        if (!loop.turnState.endTask(running)) {
            return false;
        }
        loop.counters.taskRun();
        return true;
    }
}
