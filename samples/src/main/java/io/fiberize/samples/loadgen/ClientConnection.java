package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Keep one message in flight on one connection: send it, wait for the whole echo, record, repeat.
 *
 * <p>Used by one {@link LoadWorker} thread only. The key's interest is {@code OP_READ} while waiting for
 * the echo, and {@code OP_WRITE} only while a send did not fit in the socket buffer.
 */
final class ClientConnection {

    private final SocketChannel channel;
    private final ByteBuffer message;
    private final ByteBuffer echo;
    private final SingleWriterRecorder latencies;
    private SelectionKey key;
    private long sentAt;

    ClientConnection(SocketChannel channel, int size, SingleWriterRecorder latencies) {
        this.channel = channel;
        this.message = ByteBuffer.allocateDirect(size);
        this.echo = ByteBuffer.allocateDirect(size);
        this.latencies = latencies;
        for (int i = 0; i < size; i++) {
            message.put(i, (byte) ('a' + i % 26));
        }
    }

    /**
     * Register with {@code selector} and send the first message.
     */
    void start(Selector selector) throws IOException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
        send();
    }

    /**
     * Act on what the selector found ready: finish a send, or read more of the echo.
     */
    void onReady() throws IOException {
        if (key.isWritable()) {
            write();
        }
        if (key.isReadable()) {
            read();
        }
    }

    /**
     * Close the connection; the server sees end of stream.
     */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with a connection that fails to close.
        }
    }

    private void send() throws IOException {
        message.clear();
        sentAt = System.nanoTime();
        write();
    }

    private void write() throws IOException {
        channel.write(message);
        key.interestOps(message.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read() throws IOException {
        if (channel.read(echo) < 0) {
            throw new IOException("the server closed a connection");
        }
        if (!echo.hasRemaining()) {
            latencies.recordValue(System.nanoTime() - sentAt);
            echo.clear();
            send();
        }
    }
}
