package io.fiberize.benchmarks.macro;

import io.fiberize.samples.loadgen.AbortiveClose;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Open many connections to a local echo server and leave them idle once each has echoed one byte.
 *
 * <p>One selector drives non-blocking connects, at most {@link #MAX_PENDING} at a time. If the client cannot
 * open a connection, it starts no more but lets those under way complete. Each connection is
 * bound to a source address in 127.0.0.0/8 ({@value #PER_ADDRESS} per address from 127.0.0.2 on), since one
 * address has fewer ephemeral ports than the counts measured. A connection counts as established once the
 * server has echoed its byte: by then the server's thread or fiber for it is running and blocked in
 * {@code read}.
 */
final class IdleClient implements AutoCloseable {

    /** Connections given to one source address. */
    static final int PER_ADDRESS = 25_000;
    private static final int MAX_PENDING = 2_000;
    private static final long SELECT_MILLIS = 100;

    private final List<SocketChannel> channels = new ArrayList<>();
    private int established;
    private String failure;
    private String openFailure;

    /**
     * Hold what an attempt reached.
     *
     * @param established connections established and echoed
     * @param failure why it stopped short, or null if every connection was established
     */
    record Outcome(int established, String failure) {
    }

    /**
     * Open {@code count} connections to {@code port} on 127.0.0.1 and wait until each has echoed a byte.
     * Stop short, saying why, when a connection fails, when the server's JVM exits ({@code serverAlive}
     * turns false) or when no connection completes for {@code stallTimeout}.
     */
    Outcome open(int port, int count, Duration stallTimeout, BooleanSupplier serverAlive) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        int started = 0;
        int limit = count;
        long lastProgress = System.nanoTime();
        try (Selector selector = Selector.open()) {
            while (established < limit && failure == null) {
                while (started < limit && started - established < MAX_PENDING) {
                    if (start(selector, server, started)) {
                        started++;
                    } else {
                        limit = started;
                    }
                }
                int before = established;
                selector.select(key -> onReady(key), SELECT_MILLIS);
                long now = System.nanoTime();
                if (established > before) {
                    lastProgress = now;
                    if (established / 10_000 > before / 10_000) {
                        System.err.printf("macro: idle: %,d of %,d connections established%n", established, count);
                    }
                } else if (failure == null && !serverAlive.getAsBoolean()) {
                    failure = "the server's JVM exited";
                } else if (failure == null && now - lastProgress > stallTimeout.toNanos()) {
                    failure = "no connection completed for " + stallTimeout.toSeconds() + " s ("
                            + (started - established) + " pending)";
                }
            }
        }
        return new Outcome(established, failure != null ? failure : openFailure);
    }

    /**
     * Return the source address of connection {@code index}: 127.0.0.2 for the first {@value #PER_ADDRESS},
     * then 127.0.0.3, and so on.
     */
    static InetAddress sourceAddress(int index) throws IOException {
        int host = 2 + index / PER_ADDRESS;
        if (host > 254) {
            throw new IOException("more connections than 127.0.0.2 to 127.0.0.254 have ports for");
        }
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
    }

    /**
     * Start connection {@code index}; if it cannot even be opened (say, out of file descriptors), note why
     * and return false, so that no more are started and those under way can still complete.
     */
    private boolean start(Selector selector, InetSocketAddress server, int index) {
        try {
            SocketChannel channel = SocketChannel.open();
            channels.add(channel);
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress(sourceAddress(index), 0));
            if (channel.connect(server)) {
                sendByte(channel);
                channel.register(selector, SelectionKey.OP_READ);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT);
            }
            return true;
        } catch (IOException e) {
            openFailure = String.format("the client could not open connection %,d: %s: %s", index + 1,
                    e.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    private void onReady(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                sendByte(channel);
                key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
                int read = channel.read(ByteBuffer.allocate(1));
                if (read < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (read > 0) {
                    key.cancel();
                    established++;
                }
            }
        } catch (IOException e) {
            key.cancel();
            if (failure == null) {
                failure = describe("a connection", e);
            }
        }
    }

    private static void sendByte(SocketChannel channel) throws IOException {
        if (channel.write(ByteBuffer.wrap(new byte[] {'x'})) != 1) {
            throw new IOException("could not send the first byte");
        }
    }

    private String describe(String what, IOException e) {
        return what + " failed after " + established + " established: " + e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }

    /**
     * Close every connection opened, with a reset ({@link AbortiveClose}): the next variant connects
     * from the same source addresses.
     */
    @Override
    public void close() {
        channels.forEach(AbortiveClose::close);
        channels.clear();
    }
}
