package io.fiberize.runtime.loop;

import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.jdk.VirtualThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Run fibers on one carrier thread that is also their selector and their timer.
 *
 * <p>A turn: wait for I/O (blocking only when nothing is ready, up to the nearest timer), fire
 * due timers, take what other threads handed in, then run up to {@value #TASKS_PER_TURN} ready
 * tasks. The budget is the fairness rule: a stream of fibers that keep each other ready cannot
 * starve I/O and timers for longer than that many tasks; a fiber that yields because its time
 * slice ran out ends the turn at once, behind the I/O and timers that came meanwhile.
 *
 * <p>Threading rule, as in Netty's {@code SingleThreadEventLoop}: the run queue, the timer queue
 * and the poller belong to the loop thread and are touched only by the loop's own code between
 * tasks. Everything else, including code inside a task running on the loop thread, hands work in
 * through {@link #execute} or {@link #submit}, which append to a lock-free inbox and wake the
 * selector at most once per sleep.
 *
 * <p>The watchdog may hand the loop to a new carrier while a pinned fiber blocks the old one
 * ({@link #handOff}); {@link #turnState} is the handshake that keeps the two from both owning it.
 */
public final class EventLoop implements Executor {
    /** Tasks run per turn before the loop polls I/O and timers again. */
    static final int TASKS_PER_TURN = 64;
    /** The longest the loop parks between looks at I/O while the JVM exits. */
    private static final long EXITING_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long HANDED_OFF = -2;
    private static final VarHandle TURN_STATE;
    private static final VarHandle SLEEPING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TURN_STATE = lookup.findVarHandle(EventLoop.class, "turnState", long.class);
            SLEEPING = lookup.findVarHandle(EventLoop.class, "sleeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final RunQueue runQueue;
    private final Inbox inbox = new Inbox();
    private final TimerQueue timers = new TimerQueue();
    private final EpollPoller poller;

    private volatile LoopThread owner;
    private volatile boolean shutdown;
    private volatile boolean exiting;
    /**
     * {@code 2k + 1} while task {@code k} runs, {@code 2k} between tasks, {@link #HANDED_OFF}
     * once the watchdog gave the loop to a new carrier. Only the owner moves it forward; the
     * watchdog only ever changes an odd value, so each side learns from one CAS who won.
     */
    @SuppressWarnings("unused") // through TURN_STATE
    private volatile long turnState;
    @SuppressWarnings("unused") // through SLEEPING
    private volatile boolean sleeping;
    private long taskSequence;
    /** The task just run yielded because its slice ran out: the turn ends, I/O and timers come next. */
    private boolean sliceYielded;

    // Statistics. Plain fields are written by the loop thread only; adders by anyone.
    private long tasksRun;
    private long turns;
    private long longestTurnNanos;
    private long localResumes;
    private final LongAdder otherLoopResumes = new LongAdder();
    private final LongAdder foreignResumes = new LongAdder();
    private final LongAdder jdkHelperResumes = new LongAdder();
    private final LongAdder unblockerResumes = new LongAdder();
    private final LongAdder wakeups = new LongAdder();
    private final LongAdder fibersStarted = new LongAdder();
    private final LongAdder fibersFinished = new LongAdder();
    private volatile long stalls;
    private volatile long compensations;
    private final LongAdder slicedYields = new LongAdder();
    /** The {@link #turnState} of the task whose slice ran out, until its fiber yields; 0 for none. */
    private volatile long expiredSlice;

    /**
     * Create a loop on its own with the given run-queue policy; {@link #start()} starts its
     * carrier. It registers descriptors one-shot only: no group reports their closes to it.
     */
    public EventLoop(String name, RunQueue runQueue) {
        this(name, runQueue, null, 0);
    }

    /**
     * Create loop number {@code index} of a group whose closes find its lasting registrations in
     * {@code lasting}.
     */
    EventLoop(String name, RunQueue runQueue, LastingRegistrations lasting, int index) {
        this.name = name;
        this.runQueue = runQueue;
        try {
            this.poller = new EpollPoller(lasting, index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the loop's epoll instance", e);
        }
    }

    /**
     * Start the carrier thread.
     */
    public EventLoop start() {
        LoopThread carrier = new LoopThread(this, name);
        owner = carrier;
        carrier.start();
        return this;
    }

    /** Return the loop's name, which is also its carrier thread's name. */
    public String name() {
        return name;
    }

    /**
     * Run {@code task} on this loop, after the tasks already ready.
     *
     * <p>Never runs the task inline. From the loop thread's own code it goes straight to the run
     * queue; from anywhere else it goes through the inbox, waking the selector only if the loop
     * sleeps in it.
     */
    @Override
    public void execute(Runnable task) {
        submit(task);
    }

    /**
     * Hand a task or a {@link LoopOp} to the loop; safe from any thread.
     *
     * @throws RejectedExecutionException for a task after {@link #shutdown()}: it would never run
     */
    public void submit(Runnable work) {
        if (shutdown && !(work instanceof LoopOp)) {
            throw new RejectedExecutionException("loop " + name + " is shut down");
        }
        Thread current = Thread.currentThread();
        if (current instanceof LoopThread carrier && carrier.loop == this && !carrier.inTask) {
            accept(work);
            return;
        }
        inbox.offer(work);
        if (!(work instanceof LoopOp)) {
            countResume(current);
        }
        if ((boolean) SLEEPING.getVolatile(this) && SLEEPING.compareAndSet(this, true, false)) {
            wakeups.increment();
            poller.wakeup();
        }
    }

    private void countResume(Thread submitter) {
        Executor scheduler = VirtualThreads.schedulerOf(submitter);
        if (scheduler == this || (submitter instanceof LoopThread carrier && carrier.loop == this)) {
            localResumes++; // in a task on our own carrier; racy only while compensating
        } else if (scheduler instanceof EventLoop || submitter instanceof LoopThread) {
            otherLoopResumes.increment();
        } else {
            foreignResumes.increment();
            if (submitter.getClass().getName().equals("jdk.internal.misc.InnocuousThread")) {
                if (submitter.getName().equals("VirtualThread-unblocker")) {
                    unblockerResumes.increment();
                } else {
                    jdkHelperResumes.increment();
                }
            } else if (submitter.isVirtual() && submitter.getName().startsWith("SubPoller-")) {
                jdkHelperResumes.increment();
            }
        }
    }

    /**
     * Run {@code task} on this loop after {@code delay}; the returned timer cancels it.
     */
    public Timer schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(this, System.nanoTime() + unit.toNanos(delay), task);
        submit(timer);
        return timer;
    }

    /**
     * Park the current fiber of this loop until {@code fd} is ready for reading (or writing),
     * {@code nanos} pass (0: no limit), or the fiber is interrupted or unparked.
     *
     * <p>Callers re-check their condition after this returns: it may return early, and says
     * nothing about why it returned. The wait is registered with this loop's epoll instance and
     * deregistered once the fiber stops waiting: by the loop itself when readiness or a close
     * ended the wait (the common case, which costs no second hand-in), otherwise by an op the
     * fiber hands in before this returns. {@code isOpen} is asked once registration is
     * under way, so that a close racing with it is not missed. The wait is the fiber's park
     * blocker meanwhile ({@link FdWait}), which is how the fiber dump tells what it waits for.
     */
    public void awaitFd(int fd, boolean read, long nanos, BooleanSupplier isOpen) {
        awaitFd(fd, read, nanos, isOpen, false);
    }

    /**
     * Park as {@link #awaitFd(int, boolean, long, BooleanSupplier)} for a socket of the JDK,
     * whose every close the agent reports ({@link LoopGroup#forget}): the descriptor may stay
     * registered with this loop's epoll, edge-triggered, until then, so that the next waits cost
     * no {@code epoll_ctl}.
     */
    public void awaitSocket(int fd, boolean read, long nanos, BooleanSupplier isOpen) {
        awaitFd(fd, read, nanos, isOpen, true);
    }

    private void awaitFd(int fd, boolean read, long nanos, BooleanSupplier isOpen, boolean lasting) {
        IoWait wait = new IoWait(poller, Thread.currentThread(), fd, read, lasting);
        submit(wait);
        try {
            if (isOpen.getAsBoolean()) {
                if (nanos > 0) {
                    LockSupport.parkNanos(wait, nanos);
                } else {
                    LockSupport.park(wait);
                }
            }
        } finally {
            if (wait.needsCancel()) {
                submit(wait.cancelOp());
            }
        }
    }

    /**
     * Wake every fiber of this loop waiting for {@code fd} in the given direction, as a close does.
     */
    public void stopWaiters(int fd, boolean read) {
        submit((LoopOp) () -> poller.stop(fd, read));
    }

    /**
     * Say whether a read or accept ({@code read}), or a write, of socket {@code fd} by the current
     * fiber may succeed: {@code false} only when this loop knows it would fail ({@link
     * EpollPoller#mayTry}); then the caller parks first and tries once the socket is ready.
     * Always {@code true} off this loop's carrier.
     */
    public boolean mayTry(int fd, boolean read) {
        return !onCarrier() || poller.mayTry(fd, read);
    }

    /**
     * Note that the current fiber's read or accept ({@code read}) found socket {@code fd} empty,
     * or its write found it full ({@link EpollPoller#exhausted}).
     */
    public void exhausted(int fd, boolean read) {
        if (onCarrier()) {
            poller.exhausted(fd, read);
        }
    }

    /**
     * Say whether the current thread runs on this loop's carrier: a fiber of this loop that is
     * not pinned to a carrier the watchdog replaced. Only then may it touch the poller's state.
     */
    private boolean onCarrier() {
        return VirtualThreads.currentCarrier() == owner;
    }

    /** Drop this loop's lasting registration of {@code fd}, whose socket is being closed. */
    void forget(int fd) {
        submit((LoopOp) () -> poller.forget(fd));
    }

    // ---- the loop itself: everything below runs on the owner only --------------------------

    void run(LoopThread self) {
        try {
            while (!shutdown) {
                if (!turn(self)) {
                    return; // handed off: the compensating carrier owns the loop now
                }
            }
        } catch (Throwable t) {
            RuntimeLog.warn("loop " + name + " died; its fibers will not run again", t);
            throw t;
        }
        try {
            poller.close();
        } catch (IOException e) {
            RuntimeLog.warn("loop " + name + " could not close its epoll instance", e);
        }
    }

    private boolean turn(LoopThread self) {
        poll();
        long start = System.nanoTime();
        fireTimers(start);
        drainInbox();
        for (int budget = TASKS_PER_TURN; budget > 0 && !sliceYielded; budget--) {
            Runnable task = runQueue.poll();
            if (task == null) {
                drainInbox();
                task = runQueue.poll();
                if (task == null) {
                    break;
                }
            }
            if (!runTask(self, task)) {
                return false;
            }
        }
        sliceYielded = false;
        turns++;
        long took = System.nanoTime() - start;
        if (took > longestTurnNanos) {
            longestTurnNanos = took;
        }
        return true;
    }

    /**
     * Poll I/O, blocking up to the nearest timer only when nothing is ready to run; once the JVM
     * exits ({@link #exiting}), an idle loop looks without blocking and then parks instead.
     *
     * <p>Sleeping handshake with {@link #submit}: this side sets {@code sleeping} and then looks at
     * the inbox; a producer appends to the inbox (a full fence) and then looks at
     * {@code sleeping}. If the producer's append comes first, this side sees a non-empty inbox
     * and does not block; if this side's flag comes first, the producer sees it and wakes the
     * selector. Either way no hand-in waits for an unrelated event.
     */
    private void poll() {
        int timeout = 0;
        boolean announced = false;
        int exitingIdleMillis = 0;
        if (runQueue.size() == 0 && inbox.isEmpty() && !shutdown) {
            timeout = millisToNextTimer();
            if (timeout != 0 && exiting) {
                exitingIdleMillis = timeout;
                timeout = 0;
            } else if (timeout != 0) {
                SLEEPING.setVolatile(this, true);
                announced = true;
                if (!inbox.isEmpty() || shutdown) {
                    timeout = 0;
                }
            }
        }
        try {
            poller.poll(timeout);
        } catch (IOException e) {
            RuntimeLog.warn("loop " + name + ": epoll_wait failed", e);
        } finally {
            // Clear what we announced even when we then chose not to block: a flag left set
            // while tasks run makes the next submitter, even one on this carrier, write the
            // eventfd for nothing.
            if (announced) {
                SLEEPING.setVolatile(this, false);
            }
        }
        if (exitingIdleMillis != 0 && runQueue.size() == 0 && inbox.isEmpty()) {
            parkWhileExiting(exitingIdleMillis);
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
        Timer next = timers.peek();
        if (next == null) {
            return -1;
        }
        long nanos = next.deadline - System.nanoTime();
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
    }

    private void drainInbox() {
        Runnable work;
        while ((work = inbox.poll()) != null) {
            accept(work);
        }
    }

    private void accept(Runnable work) {
        if (work instanceof LoopOp op) {
            try {
                op.run();
            } catch (Throwable t) {
                RuntimeLog.warn("loop " + name + ": bookkeeping step " + op + " failed", t);
            }
        } else {
            runQueue.add(work);
        }
    }

    private void fireTimers(long now) {
        Timer timer;
        while ((timer = timers.peek()) != null && timer.deadline - now <= 0) {
            timers.poll();
            if (timer.fire()) {
                try {
                    timer.task.run();
                } catch (Throwable t) {
                    RuntimeLog.warn("loop " + name + ": timer task " + timer.task + " failed", t);
                }
            }
        }
    }

    private boolean runTask(LoopThread self, Runnable task) {
        long running = 2 * taskSequence + 1;
        TURN_STATE.setRelease(this, running);
        self.inTask = true;
        try {
            task.run();
        } catch (Throwable t) {
            RuntimeLog.warn("loop " + name + ": task " + task + " threw", t);
        } finally {
            self.inTask = false;
        }
        if (!TURN_STATE.compareAndSet(this, running, running + 1)) {
            return false;
        }
        taskSequence++;
        tasksRun++;
        return true;
    }

    TimerQueue timers() {
        return timers;
    }

    // ---- for the fiber factory and the watchdog ---------------------------------------------

    /**
     * Count a fiber that started on this loop.
     */
    public void fiberStarted() {
        fibersStarted.increment();
    }

    /**
     * Count a fiber of this loop that finished.
     */
    public void fiberFinished() {
        fibersFinished.increment();
    }

    /**
     * Note that the task running in turn state {@code state} has run past its slice; its fiber
     * yields at its next yield point ({@link #takeExpiredSlice}). From the slicer's thread.
     */
    public void sliceExpired(long state) {
        expiredSlice = state;
    }

    /**
     * Say whether the current fiber of this loop must yield because its slice ran out; counts
     * the yield and ends the turn after it, so that the fiber goes behind the I/O and timers that
     * came meanwhile. A slice that expired for an earlier task (it blocked meanwhile) is not this
     * one's. Called by the fiber, on the loop's carrier.
     */
    public boolean takeExpiredSlice() {
        long expired = expiredSlice;
        if (expired == 0 || expired != (long) TURN_STATE.getOpaque(this)) {
            return false;
        }
        expiredSlice = 0;
        sliceYielded = true;
        slicedYields.increment();
        return true;
    }

    /** Return the carrier thread that owns the loop now. */
    public Thread carrier() {
        return owner;
    }

    /**
     * Return the operating system's id of the carrier that owns the loop now, or -1 if it is not
     * known (yet).
     */
    public int carrierTid() {
        return owner.tid;
    }

    /**
     * Return the progress word the watchdog samples: odd while a task runs, and different for
     * every task.
     */
    public long turnState() {
        return (long) TURN_STATE.getAcquire(this);
    }

    /** Count a stall the watchdog saw. */
    public void stalled() {
        stalls++;
    }

    /**
     * Give the loop to a new carrier because the old one has been stuck in one task since
     * {@code observed}; return {@code false} if the task ended meanwhile.
     *
     * <p>Both interleavings: if the stuck task ends first, its carrier's CAS moves the word on
     * and ours fails, so nothing changes. If ours wins, the old carrier's CAS fails when the task
     * finally returns, and it leaves the loop without touching it again.
     */
    public boolean handOff(long observed) {
        if ((observed & 1) == 0 || !TURN_STATE.compareAndSet(this, observed, HANDED_OFF)) {
            return false;
        }
        // The stuck task keeps its number: the new carrier starts at the next one. Had it reused
        // it, its first task would publish the very odd value the old carrier still expects, and
        // if the stuck task returned meanwhile, the old carrier's CAS would succeed and both
        // would own the loop. Safe to write here: the old carrier wrote taskSequence before it
        // published `observed` (which our CAS read), never touches it once its CAS fails, and
        // the new carrier reads it after Thread.start.
        taskSequence++;
        long n = ++compensations;
        LoopThread next = new LoopThread(this, name + "-compensating-" + n);
        owner = next;
        next.start();
        return true;
    }

    /**
     * Keep running, but stop blocking in {@code epoll_wait}: the JVM is exiting, and HotSpot would
     * wait for a thread inside that native call. Hand-ins and I/O are then seen within a
     * millisecond instead of at once. Called from a shutdown hook; cannot be undone.
     */
    public void exiting() {
        exiting = true;
        poller.wakeup();
    }

    /**
     * Stop the loop after its current turn and close its selector; fibers still parked on it
     * never run again. For tests and embedders: the agent's loops live as long as the JVM.
     */
    public void shutdown() {
        shutdown = true;
        poller.wakeup();
    }

    /** Take a snapshot of this loop's statistics. */
    public LoopStats stats() {
        long started = fibersStarted.sum();
        long finished = fibersFinished.sum();
        return new LoopStats(name, started - finished, started, finished, runQueue.size(), poller.waiting(),
                timers.size(), tasksRun, turns, localResumes, otherLoopResumes.sum(), foreignResumes.sum(),
                jdkHelperResumes.sum(), unblockerResumes.sum(), wakeups.sum(), longestTurnNanos, stalls, compensations,
                slicedYields.sum());
    }

    @Override
    public String toString() {
        return "EventLoop[" + name + "]";
    }
}
