package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.NetHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link EventLoop#stats()} counts: fibers, what they wait for, and who resumed them.
 */
class LoopStatsTest {
    private final EventLoop loop = new EventLoop("stats-loop", new RunQueue.Fifo()).start();
    private EventLoop other;

    @AfterEach
    void stop() {
        loop.shutdown();
        if (other != null) {
            other.shutdown();
        }
    }

    @Test
    void countsFibersStartedFinishedAndAlive() throws Exception {
        List<Thread> fibers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fibers.add(Fibers.start(loop, "parked-" + i, true, LockSupport::park));
        }
        Eventually.await("100 fibers alive", () -> loop.stats().fibersAlive() == 100);
        LoopStats running = loop.stats();
        assertThat(running.fibersStarted()).isEqualTo(100);
        assertThat(running.fibersFinished()).isZero();

        fibers.forEach(LockSupport::unpark);
        for (Thread fiber : fibers) {
            Eventually.join(fiber);
        }
        Eventually.await("all finished", () -> loop.stats().fibersFinished() == 100);
        LoopStats done = loop.stats();
        assertThat(done.fibersAlive()).isZero();
        assertThat(done.fibersStarted()).isEqualTo(100);
        // A start and a resume each. The loop counts a task once it has returned, which may be just
        // after the fiber counted itself finished, so wait for the count rather than read it once.
        Eventually.await("200 tasks counted", () -> loop.stats().tasksRun() >= 200);
        assertThat(done.turns()).isPositive();
        assertThat(done.name()).isEqualTo("stats-loop");
    }

    @Test
    void countsFibersParkedOnIoAndPendingTimers() throws Exception {
        try (SocketPair a = SocketPair.open(); SocketPair b = SocketPair.open()) {
            List<Thread> waiters = List.of(
                    Fibers.start(loop, "io-1", true, () -> NetHooks.await(a.left(), true, 0)),
                    Fibers.start(loop, "io-2", true, () -> NetHooks.await(b.left(), true, 0)));
            List<Timer> timers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                timers.add(loop.schedule(() -> { }, 1, TimeUnit.HOURS));
            }
            Eventually.await("2 on I/O and 5 timers", () -> {
                LoopStats s = loop.stats();
                return s.parkedOnIo() == 2 && s.timers() == 5;
            });

            a.right().write(java.nio.ByteBuffer.wrap(new byte[] {1}));
            b.right().write(java.nio.ByteBuffer.wrap(new byte[] {1}));
            timers.forEach(t -> t.cancel(false));
            for (Thread waiter : waiters) {
                Eventually.join(waiter);
            }
            Eventually.await("nothing waiting", () -> {
                LoopStats s = loop.stats();
                return s.parkedOnIo() == 0 && s.timers() == 0;
            });
        }
    }

    @Test
    void aFiberUnparkingAnotherOnTheSameLoopCountsAsLocalAndAPlatformThreadAsForeign() throws Exception {
        Thread parked = Fibers.start(loop, "parked", true, LockSupport::park);
        Eventually.awaitParked(parked);

        LoopStats s0 = loop.stats();
        Thread unparker = Fibers.start(loop, "unparker", true, () -> LockSupport.unpark(parked));
        Eventually.join(unparker);
        Eventually.join(parked);
        LoopStats s1 = loop.stats();
        assertThat(s1.foreignResumes() - s0.foreignResumes()).as("starting the unparker, from this thread")
                .isEqualTo(1);
        assertThat(s1.localResumes() - s0.localResumes()).as("the unpark, from a fiber of the loop").isEqualTo(1);
        assertThat(s1.otherLoopResumes() - s0.otherLoopResumes()).isZero();

        Thread parkedAgain = Fibers.start(loop, "parked-again", true, LockSupport::park);
        Eventually.awaitParked(parkedAgain);
        LoopStats s2 = loop.stats();
        Thread platform = Thread.ofPlatform().start(() -> LockSupport.unpark(parkedAgain));
        platform.join();
        Eventually.join(parkedAgain);
        LoopStats s3 = loop.stats();
        assertThat(s3.foreignResumes() - s2.foreignResumes()).as("the unpark, from a platform thread").isEqualTo(1);
        assertThat(s3.localResumes() - s2.localResumes()).isZero();
    }

    @Test
    void aFiberOfAnotherLoopUnparkingOneOfOursCountsAsOtherLoop() throws Exception {
        other = new EventLoop("stats-other", new RunQueue.Fifo()).start();
        Thread parked = Fibers.start(loop, "parked", true, LockSupport::park);
        Eventually.awaitParked(parked);
        LoopStats s0 = loop.stats();

        Eventually.join(Fibers.start(other, "unparker", true, () -> LockSupport.unpark(parked)));
        Eventually.join(parked);

        LoopStats s1 = loop.stats();
        assertThat(s1.otherLoopResumes() - s0.otherLoopResumes()).isEqualTo(1);
        assertThat(s1.foreignResumes() - s0.foreignResumes()).isZero();
        assertThat(s1.localResumes() - s0.localResumes()).isZero();
    }

    @Test
    void aGroupAddsItsLoopsUp() throws Exception {
        LoopGroup group = LoopGroup.start("stats-group", 2, RunQueue.Fifo::new);
        try {
            List<Thread> fibers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                fibers.add(Fibers.start(group.next(), "g-" + i, true, () -> { }));
            }
            for (Thread fiber : fibers) {
                Eventually.join(fiber);
            }
            Eventually.await("10 finished", () -> group.stats().fibersFinished() == 10);
            assertThat(group.loops()).extracting(l -> l.stats().fibersStarted()).containsExactly(5L, 5L);
            assertThat(group.stats().name()).isEqualTo("all");
            assertThat(group.stats().fibersStarted()).isEqualTo(10);
        } finally {
            group.shutdown();
        }
    }
}
