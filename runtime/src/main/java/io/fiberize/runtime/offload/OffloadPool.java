package io.fiberize.runtime.offload;

import io.fiberize.runtime.fiber.Fibers;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
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
 * pool starts no thread until the first call, grows up to its bound, queues beyond it, and lets
 * idle workers exit. Called from a thread that is not a fiber, a call just runs in place.
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
        executor = new ThreadPoolExecutor(maxThreads, maxThreads, idleTime.toNanos(), TimeUnit.NANOSECONDS,
                new LinkedBlockingQueue<>(),
                task -> Thread.ofPlatform()
                        .name("fiberize-offload-" + counter.incrementAndGet())
                        .daemon(true)
                        .inheritInheritableThreadLocals(false)
                        .unstarted(task));
        executor.allowCoreThreadTimeOut(true);
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
        OffloadCall<T> offloaded = new OffloadCall<>(call, caller);
        executor.execute(offloaded);
        boolean interrupted = false;
        while (!offloaded.isDone()) {
            LockSupport.park(offloaded);
            if (Thread.interrupted()) {
                interrupted = true;
            }
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
