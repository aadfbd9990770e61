package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.jdk.Epoll;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sockets registered lastingly ({@link EventLoop#awaitSocket}): an edge that comes while nobody
 * waits is not lost; a descriptor number that a close gave back and a new socket took is
 * registered anew once the close was reported ({@link LoopGroup#forget}); a read that drained
 * the socket lets the next one be skipped until an edge comes, but never once the peer closed.
 */
class LastingRegistrationTest {
    private final LoopGroup group = LoopGroup.start("lasting-loop", 1, RunQueue.Fifo::new);
    private final EventLoop loop = group.loops().getFirst();

    @AfterEach
    void stop() {
        group.shutdown();
    }

    @Test
    void dataThatArrivesWhileNobodyWaitsWakesTheNextWaiterAtOnce() throws Exception {
        try (SocketPair pair = SocketPair.open()) {
            SocketChannel channel = pair.left();
            int fd = Epoll.fdOf(channel);
            AtomicInteger read = new AtomicInteger();
            Thread reader = Fibers.start(loop, "reader", true, () -> {
                try {
                    ByteBuffer buf = ByteBuffer.allocate(8);
                    // First wait: registers the socket; the first byte ends it.
                    while (channel.read(buf) == 0) {
                        loop.awaitSocket(fd, true, 0, channel::isOpen);
                    }
                    // Now the peer writes while this fiber does not wait (it sleeps): the edge
                    // comes with nobody to wake, and the next wait must end at once, not never.
                    Thread.sleep(200);
                    loop.awaitSocket(fd, true, 0, channel::isOpen);
                    read.set(buf.position() + channel.read(buf));
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            Eventually.await("reader parked on I/O", () -> loop.stats().parkedOnIo() == 1);
            pair.right().write(ByteBuffer.wrap(new byte[] {1}));
            Eventually.await("reader asleep", () -> loop.stats().parkedOnIo() == 0);
            pair.right().write(ByteBuffer.wrap(new byte[] {2}));
            Eventually.join(reader);
            assertThat(read).hasValue(2);
        }
    }

    @Test
    void aNumberReusedAfterAReportedCloseIsRegisteredForTheNewSocket() throws Exception {
        SocketPair first = SocketPair.open();
        int fd = Epoll.fdOf(first.left());
        awaitOneByte(first);
        group.forget(fd);
        first.close();

        SocketPair second = SocketPair.open();
        try (second) {
            assertThat(Epoll.fdOf(second.left()) == fd || Epoll.fdOf(second.right()) == fd)
                    .as("the kernel gives the lowest free number again").isTrue();
            SocketPair reused = Epoll.fdOf(second.left()) == fd ? second
                    : new SocketPair(second.right(), second.left());
            awaitOneByte(reused);
        }
    }

    @Test
    void aDrainedSocketSkipsReadsUntilAnEdgeButNeverAfterThePeerClosed() throws Exception {
        try (SocketPair pair = SocketPair.open()) {
            SocketChannel channel = pair.left();
            int fd = Epoll.fdOf(channel);
            StringBuilder seen = new StringBuilder();
            Thread reader = Fibers.start(loop, "reader", true, () -> {
                try {
                    ByteBuffer buf = ByteBuffer.allocate(64);
                    while (channel.read(buf) == 0) {
                        loop.awaitSocket(fd, true, 0, channel::isOpen);
                    }
                    loop.exhausted(fd, true); // a short read
                    seen.append("after a short read: ").append(loop.mayTry(fd, true));
                    loop.awaitSocket(fd, true, 0, channel::isOpen); // the second byte's edge
                    seen.append("; after an edge: ").append(loop.mayTry(fd, true));
                    buf.clear();
                    channel.read(buf);
                    loop.exhausted(fd, true);
                    // The third byte, then the peer's end of stream; the sleep lets the loop see the
                    // end of stream's edge, if it came apart from the byte's.
                    loop.awaitSocket(fd, true, 0, channel::isOpen);
                    Thread.sleep(100);
                    buf.clear();
                    int last = channel.read(buf);
                    loop.exhausted(fd, true);
                    seen.append("; once the peer closed: ").append(loop.mayTry(fd, true)).append(" (read ").append(last)
                            .append(')');
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            Eventually.await("reader parked on I/O", () -> loop.stats().parkedOnIo() == 1);
            pair.right().write(ByteBuffer.wrap(new byte[] {1}));
            Eventually.await("reader parked again", () -> loop.stats().parkedOnIo() == 1 && seen.length() > 0);
            pair.right().write(ByteBuffer.wrap(new byte[] {2}));
            Eventually.await("reader parked a third time",
                    () -> loop.stats().parkedOnIo() == 1 && seen.indexOf(";") > 0);
            pair.right().write(ByteBuffer.wrap(new byte[] {3}));
            pair.right().shutdownOutput();
            Eventually.join(reader);
            assertThat(seen).hasToString(
                    "after a short read: false; after an edge: true; once the peer closed: true (read 1)");
        }
    }

    @Test
    void aFullSocketSkipsWritesUntilThePeerMakesRoom() throws Exception {
        try (SocketPair pair = SocketPair.open()) {
            SocketChannel channel = pair.left();
            int fd = Epoll.fdOf(channel);
            StringBuilder seen = new StringBuilder();
            Thread writer = Fibers.start(loop, "writer", true, () -> {
                try {
                    loop.awaitSocket(fd, false, 0, channel::isOpen); // registers the socket: writable
                    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                    while (channel.write(chunk.clear()) > 0) {
                        // fill the socket's buffers and the peer's
                    }
                    loop.exhausted(fd, false);
                    seen.append("when full: ").append(loop.mayTry(fd, false));
                    loop.awaitSocket(fd, false, 0, channel::isOpen); // room, once the peer reads
                    seen.append("; once the peer read: ").append(loop.mayTry(fd, false))
                            .append("; reading: ").append(loop.mayTry(fd, true));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Eventually.await("writer parked on a full socket", () -> loop.stats().parkedOnIo() == 1 && seen.length() > 0);
            ByteBuffer sink = ByteBuffer.allocate(1024 * 1024);
            while (writer.isAlive()) {
                pair.right().read(sink.clear());
            }
            assertThat(seen).hasToString("when full: false; once the peer read: true; reading: true");
        }
    }

    /** A fiber waits on {@code pair.left()} lastingly until the byte written to the right end arrives. */
    private void awaitOneByte(SocketPair pair) throws Exception {
        SocketChannel channel = pair.left();
        int fd = Epoll.fdOf(channel);
        AtomicInteger got = new AtomicInteger(-1);
        Thread reader = Fibers.start(loop, "reader", true, () -> {
            try {
                ByteBuffer buf = ByteBuffer.allocate(1);
                while (channel.read(buf) == 0) {
                    loop.awaitSocket(fd, true, 0, channel::isOpen);
                }
                got.set(buf.get(0));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Eventually.await("reader parked on I/O", () -> loop.stats().parkedOnIo() == 1);
        pair.right().write(ByteBuffer.wrap(new byte[] {7}));
        Eventually.join(reader);
        assertThat(got).hasValue(7);
    }
}
