package io.fiberize.runtime.offload;

import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.jfr.JfrEmitter;
import io.fiberize.runtime.jfr.OffloadCallEvent;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Run calls that would block a carrier whatever we do (DNS lookups, file reads, known native
 * calls) on platform threads while the calling fiber parks.
 *
 * <p>Ioto's {@code rSpawnThread}, gevent's thread pool, Cats Effect's {@code IO.blocking}. Two
 * lanes of workers, each starting no thread until its first call, handing a call to an idle worker
 * when there is one, starting a new worker only when none is idle, and letting idle workers exit:
 * <ul>
 * <li>{@link #call}: bounded, queueing beyond its bound. For calls that end by themselves however
 *     slow the disk or the name server: DNS lookups, reads and writes of regular files.
 * <li>{@link #callUnbounded}: no bound, no queue. For calls that wait for another party and may
 *     never return: reads and writes of pipes, FIFOs, terminals, devices, a child process's
 *     standard streams. Seventy readers of an idle FIFO holding the bounded lane's 64 workers would
 *     leave every file read in the JVM queued behind them forever; here each takes a thread of its
 *     own, as it did before the agent, and the bounded lane stays free.
 * </ul>
 *
 * <p>Why a lane of threads, and not the loop's {@code epoll} alone, though it takes pipes, FIFOs
 * and terminals: a blocking descriptor shared with other processes (a terminal, a FIFO with several
 * readers, a child's pipe) cannot be made non-blocking without changing it for them too, so the
 * call itself must run where blocking is harmless; a write to a pipe blocks past {@code PIPE_BUF}
 * whatever {@code epoll} says; and an interrupt must reach a file channel blocked in the call,
 * which only a thread blocked in it gives exactly. {@code epoll} does shorten the wait: a {@code
 * FileInputStream} read of such a descriptor first parks on the loop until there is data ({@link
 * OffloadHooks}), so a hundred readers of idle child processes hold no worker at all (measured:
 * 132 OS threads at the peak instead of 223 for 100 {@code cat} children, a hundred of them the
 * JDK's process reapers).
 *
 * <p>An interrupt of the waiting fiber is passed on to the worker running its call ({@link
 * OffloadCall}). Called from a thread that is not a fiber, a call just runs in place.
 */
public final class OffloadPool {
    /** How long a worker may wait for a call before it exits, unless a constructor says otherwise. */
    public static final Duration DEFAULT_IDLE_TIME = Duration.ofSeconds(10);

    private final ThreadPoolExecutor bounded;
    private final ThreadPoolExecutor unbounded;
    private final LongAdder calls = new LongAdder();

    /**
     * Create a pool whose bounded lane has at most {@code maxThreads} workers; workers exit after
     * {@link #DEFAULT_IDLE_TIME} idle.
     */
    public OffloadPool(int maxThreads) {
        this(maxThreads, DEFAULT_IDLE_TIME);
    }

    /**
     * Create a pool whose bounded lane has at most {@code maxThreads} workers; workers exit after
     * {@code idleTime} idle.
     */
    public OffloadPool(int maxThreads, Duration idleTime) {
        if (idleTime.isNegative() || idleTime.isZero()) {
            throw new IllegalArgumentException("idle time must be positive, not " + idleTime);
        }
        bounded = lane("fiberize-offload-", maxThreads, idleTime);
        unbounded = lane("fiberize-offload-stream-", Integer.MAX_VALUE, idleTime);
    }

    private static ThreadPoolExecutor lane(String namePrefix, int maxThreads, Duration idleTime) {
        AtomicInteger counter = new AtomicInteger();
        HandOffQueue queue = new HandOffQueue();
        return new ThreadPoolExecutor(0, maxThreads, idleTime.toNanos(), TimeUnit.NANOSECONDS, queue,
                task -> Thread.ofPlatform()
                        .name(namePrefix + counter.incrementAndGet())
                        .daemon(true)
                        .inheritInheritableThreadLocals(false)
                        .unstarted(task),
                (task, pool) -> queue.enqueue(task));
    }

    /**
     * Give a call to a worker waiting for one, or refuse it so that the pool starts a worker.
     *
     * <p>A {@code ThreadPoolExecutor} starts workers past its core size only when its queue refuses
     * a task, and below its core size starts one for every task even when others sit idle. With a
     * core size of zero and this queue, a call goes to an idle worker if one waits ({@link
     * #tryTransfer}); otherwise the pool starts a new worker up to its bound, and at the bound
     * the refused call comes back through the rejection handler and is queued for real ({@link
     * #enqueue}). A worker whose idle wait has just timed out does not exit while calls are
     * queued: the executor checks the queue before letting its last worker go.
     */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }

    /**
     * Run {@code call} on a worker of the bounded lane and park the current fiber until it returns
     * or throws.
     *
     * <p>The fiber waits for the call to end whatever happens, as a thread making the call would.
     * Its interrupt status, set before or during the wait, is passed on to the worker for the
     * call to act on as it would on a thread, and is still set on the fiber when this returns.
     *
     * @throws Exception what {@code call} threw, unchanged
     */
    public <T> T call(Callable<T> call) throws Exception {
        return call(bounded, call);
    }

    /**
     * Run {@code call} like {@link #call}, on a worker of the unbounded lane: for a call that may
     * wait for another process for ever, which must not hold a worker that file I/O needs.
     */
    public <T> T callUnbounded(Callable<T> call) throws Exception {
        return call(unbounded, call);
    }

    private <T> T call(ThreadPoolExecutor lane, Callable<T> call) throws Exception {
        Thread caller = Thread.currentThread();
        if (!Fibers.isFiber(caller)) {
            return call.call();
        }
        calls.increment();
        OffloadCallEvent event = JfrEmitter.offloadCallStarting();
        OffloadCall<T> offloaded = new OffloadCall<>(call, caller);
        boolean interrupted = Thread.interrupted();
        if (interrupted) {
            offloaded.interrupt();
        }
        lane.execute(offloaded);
        while (!offloaded.isDone()) {
            LockSupport.park(offloaded);
            if (Thread.interrupted()) {
                interrupted = true;
                offloaded.interrupt();
            }
        }
        if (event != null) {
            event.finish();
        }
        if (interrupted) {
            caller.interrupt();
        }
        return offloaded.result();
    }

    /** Return the number of live worker threads, of both lanes. */
    public int threads() {
        return bounded.getPoolSize() + unbounded.getPoolSize();
    }

    /** Return the number of live worker threads of the unbounded lane. */
    public int unboundedThreads() {
        return unbounded.getPoolSize();
    }

    /** Return the number of calls waiting for a worker (only the bounded lane queues). */
    public int queued() {
        return bounded.getQueue().size();
    }

    /** Return the number of calls offloaded so far. */
    public long calls() {
        return calls.sum();
    }

    /** Stop the workers once the queued calls are done; for tests and embedders. */
    public void shutdown() {
        bounded.shutdown();
        unbounded.shutdown();
    }
}
