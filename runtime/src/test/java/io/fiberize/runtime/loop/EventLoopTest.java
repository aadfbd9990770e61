package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.NetHooks;
import io.fiberize.runtime.jdk.VirtualThreads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's basic contract: where fibers run, task order, never running inline, surviving a
 * failing task, and shutting down.
 */
class EventLoopTest {
    private EventLoop loop;

    @BeforeEach
    void start() {
        loop = new EventLoop("test-loop", new RunQueue.Fifo()).start();
    }

    @AfterEach
    void stop() {
        loop.shutdown();
    }

    @Test
    void fibersRunOnTheLoopCarrierWithTheirOwnThreadIdentity() throws Exception {
        AtomicReference<Thread> seen = new AtomicReference<>();
        AtomicReference<String> carrierName = new AtomicReference<>();
        Thread fiber = Fibers.start(loop, "worker-1", true, () -> {
            seen.set(Thread.currentThread());
            carrierName.set(VirtualThreads.currentCarrier().getName());
        });
        Eventually.join(fiber);
        assertThat(seen.get()).isSameAs(fiber);
        assertThat(fiber.getName()).isEqualTo("worker-1");
        assertThat(fiber.isVirtual()).isTrue();
        assertThat(carrierName.get()).isEqualTo("test-loop");
        assertThat(loop.carrier().getName()).isEqualTo("test-loop");
        assertThat(Fibers.loopOf(fiber)).isSameAs(loop);
    }

    @Test
    void tasksFromOneThreadRunInTheOrderTheyWereHandedIn() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            loop.execute(() -> order.add(n));
        }
        loop.execute(done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).hasSize(1_000).isSorted();
    }

    @Test
    void executeFromATaskOnTheLoopNeverRunsInline() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(2);
        loop.execute(() -> {
            order.add("outer starts");
            loop.execute(() -> {
                order.add("inner 1");
                done.countDown();
            });
            loop.execute(() -> {
                order.add("inner 2");
                done.countDown();
            });
            order.add("outer ends");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("outer starts", "outer ends", "inner 1", "inner 2");
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheLoop() throws Exception {
        RuntimeLog.setLevel(RuntimeLog.Level.OFF);
        try {
            CountDownLatch after = new CountDownLatch(1);
            loop.execute(() -> {
                throw new IllegalStateException("a failing task (expected by the test)");
            });
            loop.execute(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            RuntimeLog.setLevel(RuntimeLog.Level.WARN);
        }
    }

    @Test
    void channelReadParksOnTheLoopSelectorUntilDataArrives() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            AtomicReference<String> got = new AtomicReference<>();
            Thread fiber = Fibers.start(loop, "reader", true, () -> {
                try (SocketChannel s = server.accept()) {
                    s.configureBlocking(false);
                    ByteBuffer buf = ByteBuffer.allocate(5);
                    while (buf.hasRemaining() && s.read(buf) >= 0) {
                        if (buf.hasRemaining()) {
                            NetHooks.await(s, true, 0);
                        }
                    }
                    got.set(new String(buf.array(), 0, buf.position()));
                } catch (Exception e) {
                    got.set(e.toString());
                }
            });
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                Eventually.await("the reader parks on I/O", () -> loop.stats().parkedOnIo() == 1);
                client.write(ByteBuffer.wrap("hel".getBytes()));
                Eventually.await("the reader parks again", () -> loop.stats().parkedOnIo() == 1
                        && fiber.getState() == Thread.State.WAITING);
                client.write(ByteBuffer.wrap("lo".getBytes()));
                Eventually.join(fiber);
            }
            assertThat(got.get()).isEqualTo("hello");
            assertThat(loop.stats().parkedOnIo()).isZero();
        }
    }

    @Test
    void whileTheJvmExitsTheIdleLoopParksInsteadOfWaitingInEpollAndStillServesIoAndHandIns() throws Exception {
        Thread carrier = loop.carrier();
        Eventually.await("the idle loop blocks in epoll_wait (a native call: RUNNABLE)",
                () -> carrier.getState() == Thread.State.RUNNABLE);

        loop.exiting();
        Eventually.await("the idle loop parks (TIMED_WAITING), where HotSpot's exit does not wait for it",
                () -> carrier.getState() == Thread.State.TIMED_WAITING);
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(ran::countDown);
        assertThat(ran.await(Eventually.LIMIT_MILLIS, TimeUnit.MILLISECONDS)).as("a hand-in runs").isTrue();
        channelReadParksOnTheLoopSelectorUntilDataArrives();
    }

    @Test
    void shutdownStopsTheCarrierRejectsNewTasksAndLaterHandInsAreHarmless() throws Exception {
        Thread carrier = loop.carrier();
        Thread parked = Fibers.start(loop, "left-behind", true, LockSupport::park);
        Eventually.awaitParked(parked);

        loop.shutdown();
        Eventually.join(carrier);

        // After the loop closed its epoll instance and eventfd, nothing may touch them again
        // (the descriptor numbers may already belong to someone else).
        loop.shutdown();
        assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        loop.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).cancel(false);
        assertThatThrownBy(() -> LockSupport.unpark(parked)).isInstanceOf(RejectedExecutionException.class);
        assertThat(parked.isAlive()).as("a fiber parked on a stopped loop never runs again").isTrue();
    }
}
