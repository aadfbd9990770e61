package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.net.NetHooks;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
            carrierName.set(io.fiberize.runtime.jdk.VirtualThreads.currentCarrier().getName());
        });
        fiber.join();
        assertThat(seen.get()).isSameAs(fiber);
        assertThat(fiber.getName()).isEqualTo("worker-1");
        assertThat(fiber.isVirtual()).isTrue();
        assertThat(carrierName.get()).isEqualTo("test-loop");
        assertThat(Fibers.loopOf(fiber)).isSameAs(loop);
    }

    @Test
    void tenThousandFibersParkAndUnparkEachOther() throws Exception {
        int n = 10_000;
        CountDownLatch done = new CountDownLatch(n);
        List<Thread> fibers = new ArrayList<>();
        AtomicInteger resumed = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            fibers.add(Fibers.newFiber(loop, "f" + i, true, () -> {
                LockSupport.park();
                resumed.incrementAndGet();
                done.countDown();
            }));
        }
        fibers.forEach(Fibers::start);
        for (Thread f : fibers) {
            while (f.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            LockSupport.unpark(f);
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.get()).isEqualTo(n);
    }

    @Test
    void timersFireInDeadlineOrderAndCancelledOnesNever() throws Exception {
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch fired = new CountDownLatch(3);
        loop.schedule(() -> { order.add(30); fired.countDown(); }, 30, TimeUnit.MILLISECONDS);
        loop.schedule(() -> { order.add(10); fired.countDown(); }, 10, TimeUnit.MILLISECONDS);
        Timer cancelled = loop.schedule(() -> order.add(-1), 20, TimeUnit.MILLISECONDS);
        loop.schedule(() -> { order.add(20); fired.countDown(); }, 20, TimeUnit.MILLISECONDS);
        assertThat(cancelled.cancel(false)).isTrue();
        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(order).containsExactly(10, 20, 30);
        assertThat(loop.stats().timers()).isZero();
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
                Thread.sleep(100);
                assertThat(loop.stats().parkedOnIo()).isEqualTo(1);
                client.write(ByteBuffer.wrap("hel".getBytes()));
                Thread.sleep(50);
                client.write(ByteBuffer.wrap("lo".getBytes()));
                fiber.join(5000);
            }
            assertThat(got.get()).isEqualTo("hello");
            assertThat(loop.stats().parkedOnIo()).isZero();
        }
    }
}
