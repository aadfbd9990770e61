package io.fiberize.runtime.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.hooks.NetHooks;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Thread#interrupt()} wakes a fiber wherever it waits, with the JDK's semantics: blocking
 * methods that declare {@link InterruptedException} throw it and clear the status; park and the
 * loop's readiness wait return with the status set.
 */
class InterruptTest {
    private final EventLoop loop = new EventLoop("interrupt-loop", new RunQueue.Fifo()).start();

    @AfterEach
    void stop() {
        loop.shutdown();
    }

    /** What the fiber saw: how it came back, and its interrupt status afterwards. */
    private record Outcome(String how, boolean interruptedAfter) {
    }

    private Outcome interruptWhile(String name, Waiting waiting) throws Exception {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread fiber = Fibers.start(loop, name, true, () -> {
            String how;
            try {
                waiting.run();
                how = "returned";
            } catch (InterruptedException e) {
                how = "InterruptedException";
            } catch (Exception e) {
                how = e.toString();
            }
            outcome.set(new Outcome(how, Thread.currentThread().isInterrupted()));
        });
        Eventually.awaitParked(fiber);
        fiber.interrupt();
        Eventually.join(fiber);
        return outcome.get();
    }

    @FunctionalInterface
    private interface Waiting {
        void run() throws Exception;
    }

    @Test
    void sleepThrowsAndClearsTheStatus() throws Exception {
        assertThat(interruptWhile("sleeper", () -> Thread.sleep(60_000)))
                .isEqualTo(new Outcome("InterruptedException", false));
    }

    @Test
    void parkReturnsWithTheStatusSet() throws Exception {
        assertThat(interruptWhile("parker", LockSupport::park)).isEqualTo(new Outcome("returned", true));
    }

    @Test
    void blockingQueueTakeThrowsAndClearsTheStatus() throws Exception {
        BlockingQueue<String> empty = new ArrayBlockingQueue<>(1);
        assertThat(interruptWhile("taker", empty::take)).isEqualTo(new Outcome("InterruptedException", false));
    }

    @Test
    void aReadinessWaitReturnsWithTheStatusSetAndDeregisters() throws Exception {
        try (SocketPair pair = SocketPair.open()) {
            assertThat(interruptWhile("io-waiter", () -> NetHooks.await(pair.left(), true, 0)))
                    .isEqualTo(new Outcome("returned", true));
            Eventually.await("nothing parked on I/O", () -> loop.stats().parkedOnIo() == 0);
        }
    }

    @Test
    void anInterruptBeforeTheWaitIsNotLost() throws Exception {
        AtomicReference<String> how = new AtomicReference<>();
        Thread fiber = Fibers.start(loop, "early", true, () -> {
            Thread.currentThread().interrupt();
            try {
                Thread.sleep(60_000);
                how.set("slept");
            } catch (InterruptedException e) {
                how.set("InterruptedException");
            }
        });
        Eventually.join(fiber);
        assertThat(how).hasValue("InterruptedException");
    }
}
