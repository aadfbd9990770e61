package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Keep one request in flight on one connection: send it, wait for its whole answer, record, repeat.
 *
 * <p>What a request and its answer are is up to the connection's {@link Exchange}. Used by one
 * {@link LoadWorker} thread only. The key's interest is {@code OP_READ} while waiting for an answer, and
 * {@code OP_WRITE} only while a request did not fit in the socket buffer.
 */
final class ClientConnection {

    /** The most bytes of answers that may be read and not yet consumed by the exchange. */
    private static final int INPUT_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final Exchange exchange;
    private final SingleWriterRecorder latencies;
    private final ByteBuffer input = ByteBuffer.allocate(INPUT_BYTES);
    private SelectionKey key;
    private ByteBuffer request;
    private long sentAt;

    ClientConnection(SocketChannel channel, Exchange exchange, SingleWriterRecorder latencies) {
        this.channel = channel;
        this.exchange = exchange;
        this.latencies = latencies;
    }

    /**
     * Register with {@code selector} and send the first request, if the exchange starts with one.
     */
    void start(Selector selector) throws IOException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
        request = exchange.request();
        sentAt = System.nanoTime();
        progress();
    }

    /**
     * Act on what the selector found ready: finish a send, or read more of an answer.
     */
    void onReady() throws IOException {
        if (key.isReadable() && channel.read(input) < 0) {
            throw new IOException("the server closed a connection");
        }
        progress();
        if (!input.hasRemaining()) {
            throw new IOException("an answer did not fit in " + INPUT_BYTES + " bytes");
        }
    }

    /**
     * Close the connection with a reset ({@link AbortiveClose}).
     */
    void close() {
        AbortiveClose.close(channel);
    }

    /**
     * Write what is left of the request, then hand what was read to the exchange; for each answer it
     * completes, record the round trip and send the next request.
     */
    private void progress() throws IOException {
        while (true) {
            if (request != null && request.hasRemaining()) {
                channel.write(request);
                if (request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                    return;
                }
            }
            key.interestOps(SelectionKey.OP_READ);
            boolean answered;
            input.flip();
            try {
                answered = exchange.answered(input);
            } finally {
                input.compact();
            }
            if (!answered) {
                return;
            }
            long now = System.nanoTime();
            if (request != null) {
                latencies.recordValue(now - sentAt);
            }
            request = exchange.request();
            sentAt = now;
        }
    }
}
