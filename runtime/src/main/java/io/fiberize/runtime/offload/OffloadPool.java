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
 * calls) on a bounded pool of platform threads while the calling fiber parks.
 *
 * <p>Ioto's {@code rSpawnThread}, gevent's thread pool, Cats Effect's {@code IO.blocking}. The
 * pool starts no thread until the first call, hands a call to an idle worker when there is one,
 * starts a new worker only when none is idle, queues beyond its bound, and lets idle workers exit.
 * Called from a thread that is not a fiber, a call just runs in place.
 */
public final class OffloadPool {
    /** How long a worker may wait for a call before it exits, unless a constructor says otherwise. */
    public static final Duration DEFAULT_IDLE_TIME = Duration.ofSeconds(10);

    private final ThreadPoolExecutor executor;
    private final LongAdder calls = new LongAdder();

    /**
     * Create a pool of at most {@code maxThreads} workers that exit after {@link #DEFAULT_IDLE_TIME} idle.
     */
    public OffloadPool(int maxThreads) {
        this(maxThreads, DEFAULT_IDLE_TIME);
    }

    /**
     * Create a pool of at most {@code maxThreads} workers that exit after {@code idleTime} idle.
     */
    public OffloadPool(int maxThreads, Duration idleTime) {
        if (idleTime.isNegative() || idleTime.isZero()) {
            throw new IllegalArgumentException("idle time must be positive, not " + idleTime);
        }
        AtomicInteger counter = new AtomicInteger();
        HandOffQueue queue = new HandOffQueue();
        executor = new ThreadPoolExecutor(0, maxThreads, idleTime.toNanos(), TimeUnit.NANOSECONDS, queue,
                task -> Thread.ofPlatform()
                        .name("fiberize-offload-" + counter.incrementAndGet())
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
     * Run {@code call} on a worker and park the current fiber until it returns or throws.
     *
     * <p>The wait is not interruptible, as the blocking call it stands for was not: an interrupt
     * that arrives meanwhile stays set on the fiber when this returns.
     *
     * @throws Exception what {@code call} threw, unchanged
     */
    public <T> T call(Callable<T> call) throws Exception {
        Thread caller = Thread.currentThread();
        if (!Fibers.isFiber(caller)) {
            return call.call();
        }
        calls.increment();
        OffloadCallEvent event = JfrEmitter.offloadCallStarting();
        OffloadCall<T> offloaded = new OffloadCall<>(call, caller);
        executor.execute(offloaded);
        boolean interrupted = false;
        while (!offloaded.isDone()) {
            LockSupport.park(offloaded);
            if (Thread.interrupted()) {
                interrupted = true;
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

    /** Return the number of live worker threads. */
    public int threads() {
        return executor.getPoolSize();
    }

    /** Return the number of calls waiting for a worker. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Return the number of calls offloaded so far. */
    public long calls() {
        return calls.sum();
    }

    /** Stop the workers once the queued calls are done; for tests and embedders. */
    public void shutdown() {
        executor.shutdown();
    }
}
