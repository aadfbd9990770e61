package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.runtime.Carriers;
import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.NetHooks;
import io.fiberize.runtime.jdk.Epoll;
import io.fiberize.runtime.jdk.JdkPoller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fibers parked on file-descriptor readiness through the loop's own epoll instance
 * ({@link EventLoop#awaitFd}, {@link NetHooks#await}): readiness, stop, close, timeout, a reader
 * and a writer on one descriptor, and deregistration on every way out.
 */
class EventLoopIoTest {
    private final EventLoop loop = new EventLoop("io-loop", new RunQueue.Fifo()).start();
    private final List<SocketPair> pairs = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        loop.shutdown();
        for (SocketPair pair : pairs) {
            pair.close();
        }
    }

    private SocketPair pair() throws IOException {
        SocketPair pair = SocketPair.open();
        pairs.add(pair);
        return pair;
    }

    @Test
    void readersOnManySocketsWakeWhenTheirDataArrivesAndRunOnTheLoop() throws Exception {
        int n = 200;
        Carriers carriers = new Carriers();
        List<SocketPair> sockets = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        AtomicInteger bytes = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            SocketChannel channel = pair().left();
            sockets.add(pairs.getLast());
            readers.add(Fibers.start(loop, "reader-" + i, true, () -> {
                ByteBuffer buf = ByteBuffer.allocate(4);
                try {
                    while (buf.hasRemaining()) {
                        if (channel.read(buf) == 0) {
                            NetHooks.await(channel, true, 0);
                            carriers.note();
                        }
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                bytes.addAndGet(buf.position());
            }));
        }
        Eventually.await("all readers parked on I/O", () -> loop.stats().parkedOnIo() == n);

        for (SocketPair pair : sockets) {
            pair.right().write(ByteBuffer.wrap(new byte[] {1, 2}));
        }
        for (SocketPair pair : sockets) {
            pair.right().write(ByteBuffer.wrap(new byte[] {3, 4}));
        }
        for (Thread reader : readers) {
            Eventually.join(reader);
        }

        assertThat(bytes).hasValue(4 * n);
        assertThat(carriers.seen()).containsExactly("io-loop");
        assertThat(loop.stats().parkedOnIo()).isZero();
    }

    @Test
    void stopWaitersWakesTheWaitersOfThatDirectionOnly() throws Exception {
        SocketChannel channel = pair().left();
        int fd = Epoll.fdOf(channel);
        fillSendBuffer(channel);
        Thread reader = Fibers.start(loop, "reader", true, () -> NetHooks.await(channel, true, 0));
        Thread writer = Fibers.start(loop, "writer", true, () -> NetHooks.await(channel, false, 0));
        Eventually.await("reader and writer parked", () -> loop.stats().parkedOnIo() == 2);

        loop.stopWaiters(fd, true);
        Eventually.join(reader);
        assertThat(writer.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(loop.stats().parkedOnIo()).isEqualTo(1);

        loop.stopWaiters(fd, false);
        Eventually.join(writer);
        assertThat(loop.stats().parkedOnIo()).isZero();
        assertThat(channel.isOpen()).as("a stop is a wake-up, not a close").isTrue();
    }

    /**
     * What the JDK's blocking-mode close does through the agent's rewritten {@code Poller.stopPoll}:
     * close, then stop the waiters of the descriptor. The waiter returns and re-checking finds the
     * channel closed.
     *
     * <p>A bare {@code close()} of a <em>non-blocking</em> channel does not wake the waiter: the JDK
     * then closes the descriptor at once, which removes it from the epoll set without any event,
     * and calls no {@code stopPoll}. See the report; this test drives the path that works.
     */
    @Test
    void aCloseFollowedByStopWakesTheWaiterWhichThenSeesTheChannelClosed() throws Exception {
        SocketChannel channel = pair().left();
        int fd = Epoll.fdOf(channel);
        AtomicReference<Object> reread = new AtomicReference<>();
        Thread waiter = Fibers.start(loop, "waiter", true, () -> {
            NetHooks.await(channel, true, 0);
            try {
                reread.set(channel.read(ByteBuffer.allocate(1)));
            } catch (IOException e) {
                reread.set(e);
            }
        });
        Eventually.await("waiter parked on I/O", () -> loop.stats().parkedOnIo() == 1);

        Thread closer = Fibers.start(loop, "closer", true, () -> {
            try {
                channel.close();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            loop.stopWaiters(fd, true);
        });
        Eventually.join(closer);
        Eventually.join(waiter);

        assertThat(reread.get()).isInstanceOf(ClosedChannelException.class);
        assertThat(loop.stats().parkedOnIo()).isZero();
    }

    @Test
    void awaitingAChannelAlreadyClosedReturnsAtOnce() throws Exception {
        SocketChannel channel = pair().left();
        channel.close();
        Thread waiter = Fibers.start(loop, "late-waiter", true, () -> NetHooks.await(channel, true, 0));
        Eventually.join(waiter);
        Eventually.await("nothing parked on I/O", () -> loop.stats().parkedOnIo() == 0);
    }

    @Test
    void timedOutWaitsReturnAndDeregister() throws Exception {
        int n = 100;
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketChannel channel = pair().left();
            long nanos = TimeUnit.MILLISECONDS.toNanos(1 + i % 20);
            waiters.add(Fibers.start(loop, "timed-" + i, true, () -> NetHooks.await(channel, true, nanos)));
        }
        for (Thread waiter : waiters) {
            Eventually.join(waiter);
        }
        Eventually.await("nothing parked on I/O", () -> loop.stats().parkedOnIo() == 0);
    }

    @Test
    void aReaderAndAWriterOnTheSameSocketAreEachWokenByTheirOwnReadiness() throws Exception {
        SocketPair pair = pair();
        SocketChannel channel = pair.left();
        long filled = fillSendBuffer(channel);
        AtomicReference<Object> readerGot = new AtomicReference<>();
        Thread reader = Fibers.start(loop, "reader", true, () -> {
            ByteBuffer buf = ByteBuffer.allocate(1);
            try {
                while (channel.read(buf) == 0) {
                    NetHooks.await(channel, true, 0);
                }
                readerGot.set(buf.get(0));
            } catch (IOException e) {
                readerGot.set(e);
            }
        });
        Thread writer = Fibers.start(loop, "writer", true, () -> {
            try {
                while (channel.write(ByteBuffer.wrap(new byte[] {9})) == 0) {
                    NetHooks.await(channel, false, 0);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Eventually.await("reader and writer parked", () -> loop.stats().parkedOnIo() == 2);

        pair.right().write(ByteBuffer.wrap(new byte[] {7}));
        Eventually.join(reader);
        assertThat(readerGot).hasValue((byte) 7);
        assertThat(writer.isAlive()).as("the send buffer is still full").isTrue();
        assertThat(loop.stats().parkedOnIo()).isEqualTo(1);

        // Drain everything the writer can send: the peer sees the filler, then the writer's byte.
        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
        long received = 0;
        int last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received < filled + 1 && System.nanoTime() < deadline) {
            sink.clear();
            int n = pair.right().read(sink);
            if (n > 0) {
                received += n;
                last = sink.get(n - 1);
            } else {
                Thread.onSpinWait();
            }
        }
        Eventually.join(writer);
        assertThat(received).isEqualTo(filled + 1);
        assertThat(last).isEqualTo(9);
        assertThat(loop.stats().parkedOnIo()).isZero();
    }

    @Test
    void awaitFromAThreadThatIsNotAFiberIsRefused() throws Exception {
        SocketChannel channel = pair().left();
        assertThatThrownBy(() -> NetHooks.await(channel, true, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aVirtualThreadThatIsNotAFiberWaitsOnTheJdksOwnPoller() throws Exception {
        SocketPair pair = pair();
        pair.right().write(ByteBuffer.wrap(new byte[] {1}));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                NetHooks.poll(Epoll.fdOf(pair.left()), Epoll.POLLIN, 0, pair.left()::isOpen);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        });
        Eventually.join(waiter);
        assertThat(failure.get()).isNull();
        assertThat(JdkPoller.started()).as("the JDK's poller served it").isTrue();
        assertThat(loop.stats().parkedOnIo()).isZero();
    }

    /** Write until the kernel takes no more; return how many bytes it took. */
    private static long fillSendBuffer(SocketChannel channel) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        long total = 0;
        int n;
        do {
            chunk.clear();
            n = channel.write(chunk);
            total += n;
        } while (n > 0);
        return total;
    }
}
