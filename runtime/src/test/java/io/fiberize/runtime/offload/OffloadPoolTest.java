package io.fiberize.runtime.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that block the carrier whatever we do run on the offload pool's platform threads while
 * the calling fiber parks, so that the loop's other fibers keep running.
 */
class OffloadPoolTest {
    private final EventLoop loop = new EventLoop("offload-loop", new RunQueue.Fifo()).start();
    private final OffloadPool pool = new OffloadPool(2, Duration.ofMillis(100));

    @AfterEach
    void stop() {
        loop.shutdown();
        pool.shutdown();
    }

    /** Run {@code call} through the pool from a fiber of the loop; return what came back. */
    private Object callFromFiber(Callable<?> call) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread fiber = Fibers.start(loop, "caller", true, () -> {
            try {
                result.set(pool.call(call));
            } catch (Throwable t) {
                result.set(t);
            }
        });
        Eventually.join(fiber);
        return result.get();
    }

    @Test
    void aCallThatBlocksForAWhileLetsTheLoopsOtherFibersRun() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch ticked = new CountDownLatch(3);
        Thread ticker = Fibers.start(loop, "ticker", true, () -> {
            while (!stop.get()) {
                ticks.incrementAndGet();
                ticked.countDown();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        AtomicReference<String> ranOn = new AtomicReference<>();

        // The call blocks its platform thread for 300 ms, then waits for the ticker to tick on the
        // loop meanwhile. Had the call blocked the carrier, the ticker could not tick: false.
        Object result = callFromFiber(() -> {
            ranOn.set(Thread.currentThread().getName());
            int before = ticks.get();
            Thread.sleep(300);
            return ticked.await(5, TimeUnit.SECONDS) && ticks.get() > before;
        });

        stop.set(true);
        Eventually.join(ticker);
        assertThat(result).isEqualTo(true);
        assertThat(ranOn.get()).startsWith("fiberize-offload-");
        assertThat(pool.calls()).isEqualTo(1);
    }

    @Test
    void checkedAndUncheckedExceptionsAndErrorsComeBackUnchanged() throws Exception {
        IOException checked = new IOException("checked (expected by the test)");
        IllegalStateException unchecked = new IllegalStateException("unchecked (expected by the test)");
        StackOverflowError error = new StackOverflowError("an error (expected by the test)");

        assertThat(callFromFiber(() -> {
            throw checked;
        })).isSameAs(checked);
        assertThat(callFromFiber(() -> {
            throw unchecked;
        })).isSameAs(unchecked);
        assertThat(callFromFiber(() -> {
            throw error;
        })).isSameAs(error);
        assertThat(callFromFiber(() -> "value")).isEqualTo("value");
        assertThat(callFromFiber(() -> null)).isNull();
    }

    @Test
    void sequentialCallsReuseAnIdleWorkerInsteadOfStartingNewOnes() throws Exception {
        OffloadPool wide = new OffloadPool(64);
        try {
            Set<String> workers = ConcurrentHashMap.newKeySet();
            Thread fiber = Fibers.start(loop, "sequential", true, () -> {
                for (int i = 0; i < 30; i++) {
                    try {
                        wide.call(() -> workers.add(Thread.currentThread().getName()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            Eventually.join(fiber);
            // A worker unparks the fiber a moment before it waits for the next call, so the next
            // call can find none idle and start a second one; before the fix, 30 calls started 30.
            assertThat(workers).hasSizeLessThanOrEqualTo(3);
            assertThat(wide.threads()).isLessThanOrEqualTo(3);
        } finally {
            wide.shutdown();
        }
    }

    @Test
    void aCallFromAPlatformThreadRunsInPlace() throws Exception {
        Thread caller = Thread.currentThread();
        assertThat(pool.call(() -> Thread.currentThread() == caller)).isTrue();
        assertThat(pool.calls()).isZero();
        assertThat(pool.threads()).isZero();
    }

    @Test
    void callsBeyondTheBoundQueueAndIdleWorkersExit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> callers = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            callers.add(Fibers.start(loop, "caller-" + i, true, () -> {
                try {
                    pool.call(() -> {
                        started.countDown();
                        return release.await(10, TimeUnit.SECONDS);
                    });
                    done.incrementAndGet();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Eventually.await("two calls queued", () -> pool.queued() == 2);
        assertThat(pool.threads()).isEqualTo(2);

        release.countDown();
        for (Thread caller : callers) {
            Eventually.join(caller);
        }
        assertThat(done).hasValue(4);
        Eventually.await("idle workers exit", () -> pool.threads() == 0);
    }

    /**
     * Start a fiber that makes {@code call} through the pool and then records what came back and
     * whether it is still interrupted; return once the call runs on its worker.
     */
    private Thread startInterruptibleCaller(Callable<?> call, AtomicReference<Object> result,
            AtomicBoolean interruptedAfter) throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        Thread fiber = Fibers.start(loop, "interrupted-caller", true, () -> {
            try {
                result.set(pool.call(() -> {
                    inCall.countDown();
                    return call.call();
                }));
            } catch (Exception e) {
                result.set(e);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        assertThat(inCall.await(5, TimeUnit.SECONDS)).isTrue();
        Eventually.awaitParked(fiber);
        return fiber;
    }

    @Test
    void anInterruptDuringTheCallReachesItsWorkerAndStaysSetOnTheFiber() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread fiber = startInterruptibleCaller(
                () -> new CountDownLatch(1).await(10, TimeUnit.SECONDS) ? "finished" : "not interrupted",
                result, interruptedAfter);

        fiber.interrupt();
        Eventually.join(fiber);

        assertThat(result.get()).isInstanceOf(InterruptedException.class);
        assertThat(interruptedAfter).isTrue();
    }

    @Test
    void aCallThatIgnoresTheInterruptIsWaitedForAndTheInterruptStaysSet() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread fiber = startInterruptibleCaller(() -> {
            // Like read(2) on a platform thread: the interrupt changes nothing.
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
            return "finished, worker interrupted: " + Thread.currentThread().isInterrupted();
        }, result, interruptedAfter);

        fiber.interrupt();
        Eventually.awaitParked(fiber); // still waiting for the call
        release.countDown();
        Eventually.join(fiber);

        assertThat(result).hasValue("finished, worker interrupted: true");
        assertThat(interruptedAfter).isTrue();
    }

    @Test
    void anInterruptSetBeforeTheCallReachesItAndNotTheWorkersNextCall() throws Exception {
        OffloadPool single = new OffloadPool(1);
        try {
            AtomicReference<Object> first = new AtomicReference<>();
            Thread interrupted = Fibers.start(loop, "already-interrupted", true, () -> {
                Thread.currentThread().interrupt();
                try {
                    first.set(single.call(() -> Thread.currentThread().getName() + " interrupted: "
                            + Thread.currentThread().isInterrupted()) + ", fiber still interrupted: "
                            + Thread.currentThread().isInterrupted());
                } catch (Exception e) {
                    first.set(e);
                }
            });
            Eventually.join(interrupted);
            assertThat(first).hasValue("fiberize-offload-1 interrupted: true, fiber still interrupted: true");

            AtomicReference<Object> next = new AtomicReference<>();
            Thread plain = Fibers.start(loop, "next-caller", true, () -> {
                try {
                    next.set(single.call(() -> Thread.currentThread().getName() + " interrupted: "
                            + Thread.currentThread().isInterrupted()));
                } catch (Exception e) {
                    next.set(e);
                }
            });
            Eventually.join(plain);
            assertThat(next).hasValue("fiberize-offload-1 interrupted: false");
        } finally {
            single.shutdown();
        }
    }

    @Test
    void callsThatMayNeverReturnDoNotHoldTheBoundedWorkers() throws Exception {
        int stuck = 5; // more than the bound of 2
        CountDownLatch allStuck = new CountDownLatch(stuck);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < stuck; i++) {
            readers.add(Fibers.start(loop, "fifo-reader-" + i, true, () -> {
                try {
                    pool.callUnbounded(() -> {
                        allStuck.countDown();
                        return release.await(10, TimeUnit.SECONDS);
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertThat(allStuck.await(5, TimeUnit.SECONDS)).as("every stuck call has a worker").isTrue();
        assertThat(pool.unboundedThreads()).isEqualTo(stuck);

        assertThat(callFromFiber(() -> Thread.currentThread().getName())).isEqualTo("fiberize-offload-1");

        release.countDown();
        for (Thread reader : readers) {
            Eventually.join(reader);
        }
        Eventually.await("idle workers of both lanes exit", () -> pool.threads() == 0);
    }
}
