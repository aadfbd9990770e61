package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.NetHooks;
import io.fiberize.runtime.jdk.VirtualThreads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Wake-ups that cross loops, many times over, on a group of two loops: no wake-up may be lost,
 * whichever threads (fibers of either loop, platform threads) hand the turn to whom.
 */
class PingPongTest {
    private final LoopGroup group = LoopGroup.start("pingpong", 2, RunQueue.Fifo::new);
    private final EventLoop a = group.loops().get(0);
    private final EventLoop b = group.loops().get(1);

    @AfterEach
    void stop() {
        group.shutdown();
    }

    /** A token passed around a ring of threads by park/unpark; each waits for its own turn. */
    private static final class Ring {
        final Thread[] members;
        volatile int holder;
        final int laps;
        final AtomicInteger passes = new AtomicInteger();
        final AtomicInteger wrongCarrier = new AtomicInteger();

        Ring(int size, int laps) {
            this.members = new Thread[size];
            this.laps = laps;
        }

        Runnable member(int me, String expectedCarrier) {
            return () -> {
                for (int lap = 0; lap < laps; lap++) {
                    while (holder != me) {
                        LockSupport.park(this);
                    }
                    if (expectedCarrier != null
                            && !VirtualThreads.currentCarrier().getName().equals(expectedCarrier)) {
                        wrongCarrier.incrementAndGet();
                    }
                    passes.incrementAndGet();
                    int next = (me + 1) % members.length;
                    holder = next;
                    LockSupport.unpark(members[next]);
                }
            };
        }
    }

    @Test
    void pairsOfFibersOnTwoLoopsPingPongWithoutLosingAWakeUp() throws Exception {
        int pairs = 16;
        int rounds = 5_000;
        LoopStats a0 = a.stats();
        LoopStats b0 = b.stats();
        List<Ring> rings = new ArrayList<>();
        List<Thread> all = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            Ring ring = new Ring(2, rounds);
            ring.members[0] = Fibers.newFiber(a, "ping-" + p, true, ring.member(0, a.name()));
            ring.members[1] = Fibers.newFiber(b, "pong-" + p, true, ring.member(1, b.name()));
            rings.add(ring);
            all.add(ring.members[0]);
            all.add(ring.members[1]);
        }
        all.forEach(Fibers::start);

        for (Thread t : all) {
            Eventually.join(t);
        }
        for (Ring ring : rings) {
            assertThat(ring.passes).hasValue(2 * rounds);
            assertThat(ring.wrongCarrier).hasValue(0);
        }
        // Not every pass is a cross-loop resume: an unpark that reaches a fiber still on its way
        // into park() only leaves a permit, and the fiber then resubmits itself from its own
        // carrier (a local resume). Finishing at all is what proves no wake-up was lost.
        assertThat(a.stats().otherLoopResumes() - a0.otherLoopResumes()).isPositive();
        assertThat(b.stats().otherLoopResumes() - b0.otherLoopResumes()).isPositive();
    }

    @Test
    void aRingOfFibersOnBothLoopsAndPlatformThreadsPassesItsTokenWithoutLosingAWakeUp() throws Exception {
        // a0 b0 P0 a1 b1 a2 b2 P1 a3 b3: every kind of hand-over, in both directions.
        String[] layout = {"a", "b", "p", "a", "b", "a", "b", "p", "a", "b"};
        int laps = 2_000;
        Ring ring = new Ring(layout.length, laps);
        for (int i = 0; i < layout.length; i++) {
            ring.members[i] = switch (layout[i]) {
                case "a" -> Fibers.newFiber(a, "ring-a-" + i, true, ring.member(i, a.name()));
                case "b" -> Fibers.newFiber(b, "ring-b-" + i, true, ring.member(i, b.name()));
                default -> Thread.ofPlatform().name("ring-p-" + i).daemon(true).unstarted(ring.member(i, null));
            };
        }
        for (Thread member : ring.members) {
            if (member.isVirtual()) {
                Fibers.start(member);
            } else {
                member.start();
            }
        }

        for (Thread member : ring.members) {
            Eventually.join(member);
        }
        assertThat(ring.passes).hasValue(layout.length * laps);
        assertThat(ring.wrongCarrier).hasValue(0);
        assertThat(a.stats().foreignResumes()).isPositive();
        assertThat(b.stats().otherLoopResumes()).isPositive();
    }

    @Test
    void fibersOnTwoLoopsPingPongOverSockets() throws Exception {
        int pairs = 8;
        int rounds = 2_000;
        List<SocketPair> sockets = new ArrayList<>();
        List<Thread> all = new ArrayList<>();
        AtomicInteger completed = new AtomicInteger();
        try {
            for (int p = 0; p < pairs; p++) {
                SocketPair pair = SocketPair.open();
                sockets.add(pair);
                all.add(Fibers.start(a, "io-ping-" + p, true, () -> {
                    ByteBuffer buf = ByteBuffer.allocate(1);
                    for (int r = 0; r < rounds; r++) {
                        writeByte(pair.left(), (byte) r);
                        readByte(pair.left(), buf);
                        if (buf.get(0) != (byte) (r + 1)) {
                            throw new AssertionError("round " + r + ": got " + buf.get(0));
                        }
                    }
                    completed.incrementAndGet();
                }));
                all.add(Fibers.start(b, "io-pong-" + p, true, () -> {
                    ByteBuffer buf = ByteBuffer.allocate(1);
                    for (int r = 0; r < rounds; r++) {
                        readByte(pair.right(), buf);
                        writeByte(pair.right(), (byte) (buf.get(0) + 1));
                    }
                    completed.incrementAndGet();
                }));
            }
            for (Thread t : all) {
                Eventually.join(t);
            }
            assertThat(completed).hasValue(2 * pairs);
            assertThat(group.stats().parkedOnIo()).isZero();
        } finally {
            for (SocketPair pair : sockets) {
                pair.close();
            }
        }
    }

    private static void readByte(SocketChannel channel, ByteBuffer buf) {
        buf.clear();
        try {
            while (channel.read(buf) == 0) {
                NetHooks.await(channel, true, 0);
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static void writeByte(SocketChannel channel, byte value) {
        try {
            ByteBuffer out = ByteBuffer.wrap(new byte[] {value});
            while (channel.write(out) == 0) {
                NetHooks.await(channel, false, 0);
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
