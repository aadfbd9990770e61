package io.fiberize.runtime.loop;

import io.fiberize.runtime.jdk.VirtualThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Run fibers on one carrier thread that is also their selector and their timer.
 *
 * <p>Threading rule, as in Netty's {@code SingleThreadEventLoop}: the run queue, the timer queue
 * and the poller belong to the loop's carrier ({@link LoopThread}, which runs the turns) and are
 * touched only by its code between tasks. Everything else, including code inside a task running
 * on the carrier, hands work in through {@link #execute} or {@link #submit}, which append to a
 * lock-free inbox and wake the selector at most once per sleep.
 *
 * <p>The watchdog may hand the loop to a new carrier while a pinned fiber blocks the old one
 * ({@link #handOff}); {@link TurnState} is the handshake that keeps the two from both owning it.
 */
public final class EventLoop implements Executor {
    private final String name;
    final RunQueue runQueue;
    final Inbox inbox = new Inbox();
    final TimerQueue timers = new TimerQueue();
    final EpollPoller poller;
    final TurnState turnState = new TurnState();
    final LoopCounters counters = new LoopCounters();
    final LoopClock clock;

    private volatile LoopThread owner;
    volatile boolean shutdown;
    volatile boolean exiting;

    /**
     * Create a loop on its own with the given run-queue policy; {@link #start()} starts its
     * carrier. It registers descriptors one-shot only: no group reports their closes to it.
     */
    public EventLoop(String name, RunQueue runQueue) {
        this(name, runQueue, LoopClock.REAL, null, 0);
    }

    /**
     * Create loop number {@code index} of a group whose closes find its lasting registrations in
     * {@code lasting}, with timers on {@code clock}.
     */
    EventLoop(String name, RunQueue runQueue, LoopClock clock, LastingRegistrations lasting, int index) {
        this.name = name;
        this.runQueue = runQueue;
        this.clock = clock;
        try {
            this.poller = new EpollPoller(lasting, index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the loop's epoll instance", e);
        }
    }

    /** Start the carrier thread. */
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
     * Run {@code task} on this loop, after the tasks already ready; never inline. From the loop's
     * own code it goes straight to the run queue, from anywhere else through the inbox.
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
            carrier.accept(work);
            return;
        }
        boolean wake = inbox.offer(work);
        if (!(work instanceof LoopOp)) {
            counters.resumedBy(current, this);
        }
        if (wake) {
            counters.wokenUp();
            poller.wakeup();
        }
    }

    /**
     * Run {@code task} on this loop after {@code delay}; the returned timer cancels it.
     */
    public Timer schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(this, clock.nanoTime() + unit.toNanos(delay), task);
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

    // ---- for the fiber factory, the slicer and the watchdog ---------------------------------

    /** Count a fiber that started on this loop. */
    public void fiberStarted() {
        counters.fiberStarted();
    }

    /** Count a fiber of this loop that finished. */
    public void fiberFinished() {
        counters.fiberFinished();
    }

    /** Note that the task in turn state {@code state} ran past its slice. From the slicer's thread. */
    public void sliceExpired(long state) {
        turnState.sliceExpired(state);
    }

    /**
     * Say whether the current fiber must yield because its slice ran out ({@link
     * TurnState#takeExpiredSlice}); count the yield. Called by the fiber, on the loop's carrier.
     */
    public boolean takeExpiredSlice() {
        if (!turnState.takeExpiredSlice()) {
            return false;
        }
        counters.slicedYield();
        return true;
    }

    /** Say whether the task of turn state {@code state} was told its slice ran out, and has not yielded. */
    public boolean sliceExpiredIn(long state) {
        return turnState.sliceExpiredIn(state);
    }

    /** Return the carrier thread that owns the loop now. */
    public Thread carrier() {
        return owner;
    }

    /** Return the operating system's id of the carrier that owns the loop now, or -1 if not known (yet). */
    public int carrierTid() {
        return owner.tid;
    }

    /** Return the progress word the watchdog samples: odd while a task runs, different for every task. */
    public long turnState() {
        return turnState.current();
    }

    /** Count a stall the watchdog saw. */
    public void stalled() {
        counters.stalled();
    }

    /**
     * Give the loop to a new carrier because the old one has been stuck in one task since
     * {@code observed}; return {@code false} if the task ended meanwhile ({@link TurnState#handOff}).
     */
    public boolean handOff(long observed) {
        if (!turnState.handOff(observed)) {
            return false;
        }
        long n = counters.compensated();
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
        return counters.snapshot(name, runQueue.size(), poller.waiting(), timers.size());
    }

    @Override
    public String toString() {
        return "EventLoop[" + name + "]";
    }
}
