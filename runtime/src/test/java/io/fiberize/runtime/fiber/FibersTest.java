package io.fiberize.runtime.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.jdk.VirtualThreads;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Creating fibers: identity, naming, where they run, which loop they belong to, and what
 * happens to an exception nobody catches.
 */
class FibersTest {
    private final EventLoop loop = new EventLoop("fiber-loop", new RunQueue.Fifo()).start();

    @AfterEach
    void stop() {
        loop.shutdown();
    }

    @Test
    void aFiberIsAVirtualThreadWithItsOwnIdentityOnTheLoopCarrier() throws Exception {
        AtomicReference<Thread> self = new AtomicReference<>();
        AtomicReference<String> carrier = new AtomicReference<>();
        AtomicReference<EventLoop> currentLoop = new AtomicReference<>();
        Thread fiber = Fibers.newFiber(loop, "worker", true, () -> {
            self.set(Thread.currentThread());
            carrier.set(VirtualThreads.currentCarrier().getName());
            currentLoop.set(Fibers.currentLoop());
        });
        assertThat(fiber.getState()).isEqualTo(Thread.State.NEW);

        Fibers.start(fiber);
        Eventually.join(fiber);

        assertThat(self).hasValue(fiber);
        assertThat(fiber.isVirtual()).isTrue();
        assertThat(fiber.getName()).isEqualTo("worker");
        assertThat(carrier).hasValue("fiber-loop");
        assertThat(currentLoop).hasValue(loop);
        assertThat(Fibers.loopOf(fiber)).isSameAs(loop);
        assertThat(Fibers.isFiber(fiber)).isTrue();
    }

    @Test
    void aFiberWithoutANameGetsTheJdkDefault() throws Exception {
        Thread fiber = Fibers.start(loop, null, true, () -> { });
        Eventually.join(fiber);
        assertThat(fiber.getName()).isEmpty();
    }

    @Test
    void threadsThatAreNotOurFibersBelongToNoLoop() throws Exception {
        assertThat(Fibers.isFiber(Thread.currentThread())).isFalse();
        assertThat(Fibers.currentLoop()).isNull();
        AtomicReference<EventLoop> fromDefaultVirtual = new AtomicReference<>(loop);
        Thread jdkVirtual = Thread.ofVirtual().start(() -> fromDefaultVirtual.set(Fibers.currentLoop()));
        Eventually.join(jdkVirtual);
        assertThat(fromDefaultVirtual.get()).isNull();
        assertThat(Fibers.isFiber(jdkVirtual)).isFalse();
    }

    @Test
    void aVirtualThreadStartedInsideAFiberInheritsItsLoop() throws Exception {
        AtomicReference<Thread> child = new AtomicReference<>();
        AtomicReference<String> childCarrier = new AtomicReference<>();
        Thread parent = Fibers.start(loop, "parent", true, () -> {
            Thread c = Thread.ofVirtual().unstarted(() -> childCarrier.set(VirtualThreads.currentCarrier().getName()));
            child.set(c);
            c.start();
            try {
                c.join();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Eventually.join(parent);
        assertThat(Fibers.loopOf(child.get())).isSameAs(loop);
        assertThat(childCarrier).hasValue("fiber-loop");
    }

    @Test
    void aNonDaemonFiberHoldsTheJvmOpenOnlyWhileItRuns() throws Exception {
        int before = KeepAlive.alive();
        Thread nonDaemon = Fibers.newFiber(loop, "non-daemon", false, LockSupport::park);
        assertThat(KeepAlive.alive()).as("not before it starts").isEqualTo(before);

        Fibers.start(nonDaemon);
        assertThat(KeepAlive.alive()).isEqualTo(before + 1);
        assertThat(nonDaemon.isDaemon()).as("virtual threads are always daemon threads").isTrue();
        Eventually.awaitParked(nonDaemon);
        assertThat(keeper()).as("the keep-alive thread runs").isNotNull();

        LockSupport.unpark(nonDaemon);
        Eventually.join(nonDaemon);
        Eventually.await("keep-alive released", () -> KeepAlive.alive() == before);
        if (before == 0) {
            Eventually.await("keep-alive thread gone", () -> keeper() == null);
        }
    }

    @Test
    void aDaemonFiberHoldsNothing() throws Exception {
        int before = KeepAlive.alive();
        Thread daemon = Fibers.start(loop, "daemon", true, LockSupport::park);
        Eventually.awaitParked(daemon);
        assertThat(KeepAlive.alive()).isEqualTo(before);
        LockSupport.unpark(daemon);
        Eventually.join(daemon);
    }

    @Test
    void anUncaughtExceptionGoesToTheFibersHandlerAndTheLoopRunsOn() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom (expected by the test)");
        Thread failing = Fibers.newFiber(loop, "failing", true, () -> {
            throw boom;
        });
        failing.setUncaughtExceptionHandler((t, e) -> {
            seen.add(t);
            seen.add(e);
            seen.add(Thread.currentThread());
        });
        Fibers.start(failing);
        Eventually.join(failing);
        assertThat(seen).containsExactly(failing, boom, failing);

        CountDownLatch next = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            Fibers.start(loop, "after-" + i, true, next::countDown);
        }
        assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        Eventually.await("finished counted", () -> loop.stats().fibersFinished() == 11);
    }

    @Test
    void anUncaughtExceptionGoesToTheDefaultHandlerWhenTheFiberHasNone() throws Exception {
        Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AtomicReference<Thread> seenOn = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            seenOn.set(t);
            seen.set(e);
        });
        try {
            Error error = new AssertionError("an error, not an exception (expected by the test)");
            Thread failing = Fibers.start(loop, "failing", true, () -> {
                throw error;
            });
            Eventually.join(failing);
            assertThat(seen).hasValue(error);
            assertThat(seenOn).hasValue(failing);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
    }

    @Test
    void aHandlerThatThrowsIsIgnoredAndTheFiberStillEnds() throws Exception {
        Thread failing = Fibers.newFiber(loop, "failing", true, () -> {
            throw new IllegalStateException("first (expected by the test)");
        });
        failing.setUncaughtExceptionHandler((t, e) -> {
            throw new IllegalStateException("the handler fails too (expected by the test)");
        });
        Fibers.start(failing);
        Eventually.join(failing);
        Eventually.await("counted as finished", () -> loop.stats().fibersAlive() == 0);
        Thread after = Fibers.start(loop, "after", true, () -> { });
        Eventually.join(after);
    }

    private static Thread keeper() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fiberize-keepalive") && t.isAlive())
                .findFirst().orElse(null);
    }
}
