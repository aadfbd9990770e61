package io.fiberize.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;
import io.fiberize.runtime.slice.Slicer;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog: it reports a loop stuck in one task, and hands the loop to a new carrier when
 * the stuck fiber is pinned and blocked (the class-initializer deadlock), but never when it
 * merely computes.
 */
class WatchdogTest {
    private final EventLoop loop = new EventLoop("watched-loop", new RunQueue.Fifo()).start();
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private Watchdog watchdog;

    @AfterEach
    void stop() {
        if (watchdog != null) {
            watchdog.stop();
        }
        loop.shutdown();
    }

    private void watch() {
        watchdog = new Watchdog(List.of(loop), 100, List.of(stalls::add));
        watchdog.start();
    }

    // Each scenario needs a class of its own: a class is initialized once per JVM.

    static final CountDownLatch IN_FIRST_INIT = new CountDownLatch(1);
    static final CountDownLatch RELEASE_FIRST_INIT = new CountDownLatch(1);

    /** Its initializer waits for another fiber: pinned, it parks the carrier itself. */
    static final class WaitsInInitializer {
        static final String VALUE;

        static {
            IN_FIRST_INIT.countDown();
            try {
                RELEASE_FIRST_INIT.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            VALUE = "initialized";
        }

        private WaitsInInitializer() {
        }
    }

    static final CountDownLatch RELEASE_SPINNING_INIT = new CountDownLatch(1);

    /** Its initializer computes for a while, then waits for another fiber. */
    static final class SpinsThenWaitsInInitializer {
        static final String VALUE;

        static {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(350);
            long sink = 0;
            while (System.nanoTime() < end) {
                sink += Long.numberOfTrailingZeros(System.nanoTime());
            }
            try {
                RELEASE_SPINNING_INIT.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            VALUE = "initialized after " + (sink >= 0 ? "spinning" : "");
        }

        private SpinsThenWaitsInInitializer() {
        }
    }

    @Test
    void aBusyFiberWhoseSliceRanOutIsNamedAsSliced() throws Exception {
        watch();
        Slicer slicer = new Slicer(List.of(loop), 10).start();
        try {
            Thread busy = Fibers.start(loop, "busy-in-the-jdk", true, () -> {
                long end = System.nanoTime() + 400_000_000;
                BigInteger product = BigInteger.ONE;
                while (System.nanoTime() < end) {
                    product = product.multiply(BigInteger.valueOf(end)).mod(BigInteger.TEN.pow(5_000));
                }
                assertThat(product.signum()).isNotNegative();
            });
            Eventually.join(busy);
        } finally {
            slicer.stop();
        }

        assertThat(stalls).isNotEmpty();
        Stall stall = stalls.getFirst();
        assertThat(stall.cause()).isEqualTo(Stall.Cause.BUSY);
        assertThat(stall.sliced()).as("told to yield, and not yielded: the test's code has no yield points").isTrue();
        assertThat(stall.report()).contains("its time slice ran out, but ");
    }

    @Test
    void aStallFirstFoundBusyIsCompensatedOnceItBlocks() throws Exception {
        watch();
        AtomicReference<String> seen = new AtomicReference<>();
        Thread a = Fibers.start(loop, "spinning-initializer", true, () -> seen.set(SpinsThenWaitsInInitializer.VALUE));
        Thread b = Fibers.start(loop, "releasing-fiber", true, RELEASE_SPINNING_INIT::countDown);

        Eventually.join(b);
        Eventually.join(a);

        assertThat(seen).hasValue("initialized after spinning");
        Eventually.await("the compensated stall is reported", () -> stalls.stream().anyMatch(s -> s.compensated() != null));
        assertThat(stalls.getFirst().cause()).isEqualTo(Stall.Cause.BUSY);
        assertThat(stalls.getFirst().compensated()).isNull();
        assertThat(stalls.getLast().cause()).isEqualTo(Stall.Cause.CLASS_INITIALIZER);
        assertThat(loop.stats().compensations()).isEqualTo(1);
    }

    @Test
    void aFiberWaitingInAClassInitializerForAnotherFiberIsCompensated() throws Exception {
        watch();
        Thread firstCarrier = loop.carrier();
        AtomicReference<String> seen = new AtomicReference<>();
        Thread a = Fibers.start(loop, "initializing-fiber", true, () -> seen.set(WaitsInInitializer.VALUE));
        assertThat(IN_FIRST_INIT.await(5, TimeUnit.SECONDS)).isTrue();
        // B can only run on this loop, whose only carrier A has parked: without the watchdog,
        // neither would ever finish.
        Thread b = Fibers.start(loop, "releasing-fiber", true, RELEASE_FIRST_INIT::countDown);

        Eventually.join(b);
        Eventually.join(a);

        assertThat(seen).hasValue("initialized");
        // The watchdog hands the loop off first and tells its listeners after.
        Eventually.await("the stall is reported", () -> !stalls.isEmpty());
        assertThat(stalls).hasSize(1);
        Stall stall = stalls.getFirst();
        assertThat(stall.cause()).isEqualTo(Stall.Cause.CLASS_INITIALIZER);
        assertThat(stall.fiber()).isSameAs(a);
        assertThat(stall.loop()).isEqualTo("watched-loop");
        assertThat(stall.stack()).anyMatch(f -> f.getMethodName().equals("<clinit>")
                && f.getClassName().equals(WaitsInInitializer.class.getName()));
        assertThat(stall.compensated()).isEqualTo("watched-loop-compensating-1");
        assertThat(stall.report()).contains("initializing-fiber", "<clinit>", "compensated");
        assertThat(loop.stats().compensations()).isEqualTo(1);
        assertThat(loop.stats().stalls()).isEqualTo(1);

        // Exactly one carrier owns the loop afterwards: the pinned one leaves, the new one runs on.
        Eventually.await("the pinned carrier leaves the loop", () -> !firstCarrier.isAlive());
        assertThat(loop.carrier().getName()).isEqualTo("watched-loop-compensating-1");
        assertThat(loop.carrier().isAlive()).isTrue();
        Thread after = Fibers.start(loop, "after", true, () -> { });
        Eventually.join(after);
    }

    static final CountDownLatch IN_SECOND_INIT = new CountDownLatch(1);
    static final CountDownLatch RELEASE_SECOND_INIT = new CountDownLatch(1);

    static final class AlsoWaitsInInitializer {
        static final String VALUE;

        static {
            IN_SECOND_INIT.countDown();
            try {
                RELEASE_SECOND_INIT.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            VALUE = "initialized";
        }

        private AlsoWaitsInInitializer() {
        }
    }

    /**
     * The pinned task ends while the compensating carrier is still inside its own first task.
     * The old carrier must see that it lost the loop, whatever the new one is doing.
     */
    @Test
    void theHandOffHoldsWhenThePinnedTaskEndsDuringTheNextCarriersFirstTask() throws Exception {
        watch();
        Thread firstCarrier = loop.carrier();
        AtomicBoolean aDone = new AtomicBoolean();
        Thread a = Fibers.start(loop, "initializing-fiber", true, () -> {
            String v = AlsoWaitsInInitializer.VALUE;
            aDone.set(v != null);
        });
        assertThat(IN_SECOND_INIT.await(5, TimeUnit.SECONDS)).isTrue();
        Thread b = Fibers.start(loop, "releasing-fiber", true, () -> {
            RELEASE_SECOND_INIT.countDown();
            // Stay in this task (no yield) until the old carrier is out of A's task.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!(aDone.get() && firstCarrier.getState() != Thread.State.RUNNABLE)
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });

        Eventually.join(a);
        Eventually.join(b);

        Eventually.await("the pinned carrier leaves the loop", () -> !firstCarrier.isAlive());
        assertThat(loop.carrier().isAlive()).isTrue();
        Thread after = Fibers.start(loop, "after", true, () -> { });
        Eventually.join(after);
        assertThat(loop.stats().compensations()).isEqualTo(1);
    }

    static final CountDownLatch IN_THIRD_INIT = new CountDownLatch(1);
    static final CountDownLatch RELEASE_THIRD_INIT = new CountDownLatch(1);

    static final class WaitsInInitializerUnwatched {
        static final String VALUE;

        static {
            IN_THIRD_INIT.countDown();
            try {
                RELEASE_THIRD_INIT.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            VALUE = "initialized";
        }

        private WaitsInInitializerUnwatched() {
        }
    }

    /** The premise: without a watchdog, the fiber that would release A cannot run at all. */
    @Test
    void withoutTheWatchdogNoOtherFiberRunsWhileTheInitializerWaits() throws Exception {
        Thread a = Fibers.start(loop, "initializing-fiber", true, () -> {
            String ignored = WaitsInInitializerUnwatched.VALUE;
        });
        assertThat(IN_THIRD_INIT.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch bRan = new CountDownLatch(1);
        Fibers.start(loop, "would-release", true, bRan::countDown);

        assertThat(bRan.await(300, TimeUnit.MILLISECONDS)).as("B cannot run: the carrier is parked").isFalse();
        assertThat(loop.carrier().getState()).isEqualTo(Thread.State.WAITING);

        RELEASE_THIRD_INIT.countDown(); // from a platform thread: unparks the carrier directly
        Eventually.join(a);
        assertThat(bRan.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * A CPU loop that keeps calling a native method: one stack sample usually catches it in the
     * native frame, which looks like a blocked native call. The carrier's CPU time says otherwise.
     */
    @Test
    void aBusyFiberThatKeepsCallingANativeMethodIsNotCompensatedEither() throws Exception {
        watch();
        AtomicBoolean otherRan = new AtomicBoolean();
        AtomicBoolean otherRanDuringSpin = new AtomicBoolean();
        Thread busy = Fibers.start(loop, "native-calling-busy-fiber", true, () -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            long sink = 0;
            while (System.nanoTime() < end) {
                sink += Runtime.getRuntime().availableProcessors(); // a native method, and not an intrinsic
                if (otherRan.get()) {
                    otherRanDuringSpin.set(true);
                }
            }
            assertThat(sink).isPositive();
        });
        Eventually.await("the busy fiber runs", () -> busy.getState() == Thread.State.RUNNABLE);
        Thread other = Fibers.start(loop, "other", true, () -> otherRan.set(true));

        Eventually.join(busy);
        Eventually.join(other);

        assertThat(otherRanDuringSpin).as("one fiber at a time: no compensation for a CPU loop").isFalse();
        Eventually.await("the stall is reported", () -> !stalls.isEmpty());
        assertThat(stalls.getFirst().cause()).isEqualTo(Stall.Cause.BUSY);
        assertThat(stalls.getFirst().compensated()).isNull();
        assertThat(loop.stats().compensations()).isZero();
    }

    @Test
    void aBusyFiberIsReportedButNeverCompensated() throws Exception {
        watch();
        CountDownLatch othersRan = new CountDownLatch(1);
        AtomicBoolean othersRanDuringSpin = new AtomicBoolean();
        Thread busy = Fibers.start(loop, "busy-fiber", true, () -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < end) {
                if (othersRan.getCount() == 0) {
                    othersRanDuringSpin.set(true);
                }
            }
        });
        Eventually.await("the busy fiber runs", () -> busy.getState() == Thread.State.RUNNABLE);
        Fibers.start(loop, "other", true, othersRan::countDown);

        Eventually.join(busy);
        assertThat(othersRan.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(othersRanDuringSpin).as("one fiber at a time: no compensation for a CPU loop").isFalse();
        Eventually.await("the stall is reported", () -> !stalls.isEmpty());
        assertThat(stalls).hasSize(1);
        Stall stall = stalls.getFirst();
        assertThat(stall.cause()).isEqualTo(Stall.Cause.BUSY);
        assertThat(stall.fiber()).isSameAs(busy);
        assertThat(stall.compensated()).isNull();
        assertThat(stall.report()).contains("busy-fiber", "not compensated");
        assertThat(loop.stats().compensations()).isZero();
        assertThat(loop.carrier().getName()).isEqualTo("watched-loop");
    }

    @Test
    void aRunnableCarrierThatWaitsForACpuIsStarvedNotPinnedEvenInANativeCall() {
        List<StackTraceElement> inRead = List.of(
                new StackTraceElement("sun.nio.ch.SocketDispatcher", "read0", null, -2),
                new StackTraceElement("sun.nio.ch.NioSocketImpl", "read", "NioSocketImpl.java", 354));
        List<StackTraceElement> inJava = List.of(new StackTraceElement("app.Work", "step", "Work.java", 7));

        assertThat(Watchdog.cause(0.02, 0.90, inRead, Thread.State.RUNNABLE)).isEqualTo(Stall.Cause.STARVED);
        assertThat(Watchdog.cause(0.02, 0.90, inJava, Thread.State.RUNNABLE)).isEqualTo(Stall.Cause.STARVED);
        assertThat(Watchdog.cause(0.02, 0.0, inRead, Thread.State.RUNNABLE))
                .as("neither running nor waiting to run: blocked in the native call").isEqualTo(Stall.Cause.NATIVE);
        assertThat(Watchdog.cause(0.02, -1, inRead, Thread.State.RUNNABLE))
                .as("no schedstat: as before").isEqualTo(Stall.Cause.NATIVE);
        assertThat(Watchdog.cause(0.50, 0.50, inRead, Thread.State.RUNNABLE)).isEqualTo(Stall.Cause.BUSY);
        assertThat(Watchdog.cause(0.0, 0.90, inJava, Thread.State.WAITING))
                .as("a parked carrier is blocked, whatever it waited before").isEqualTo(Stall.Cause.BLOCKED);
        assertThat(Stall.Cause.STARVED.blocksCarrier()).isFalse();
        assertThat(Stall.Cause.BUSY.blocksCarrier()).isFalse();
        assertThat(Stall.Cause.NATIVE.blocksCarrier()).isTrue();
    }
}
