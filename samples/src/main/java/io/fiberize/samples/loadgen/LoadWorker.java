package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Drive a share of the connections from one platform thread with one selector.
 *
 * <p>Connections are added before {@link #start}; after that only the worker's thread touches them.
 * Other threads may call {@link #intervalLatencies}, {@link #failure} and {@link #stop}.
 */
final class LoadWorker implements Runnable {

    private static final long SELECT_TIMEOUT_MILLIS = 100;

    private final Selector selector;
    private final SingleWriterRecorder latencies = new SingleWriterRecorder(3);
    private final List<ClientConnection> connections = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    LoadWorker(int index) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this, "loadgen-" + index);
        thread.setDaemon(true);
    }

    /**
     * Take over {@code channel}, which must be connected and non-blocking, to speak {@code exchange} on it.
     */
    void add(SocketChannel channel, Exchange exchange) {
        connections.add(new ClientConnection(channel, exchange, latencies));
    }

    void start() {
        thread.start();
    }

    /**
     * Return the round-trip latencies (in nanoseconds) recorded since the last call.
     */
    Histogram intervalLatencies() {
        return latencies.getIntervalHistogram();
    }

    /**
     * Return what stopped this worker early, or null if it is fine.
     */
    Exception failure() {
        return failure;
    }

    /**
     * Stop sending, close every connection and wait for the thread to end.
     */
    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        if (thread.isAlive()) {
            thread.join();
        } else {
            closeAll();
        }
    }

    @Override
    public void run() {
        try {
            for (ClientConnection connection : connections) {
                connection.start(selector);
            }
            while (running) {
                selector.select(this::onReady, SELECT_TIMEOUT_MILLIS);
            }
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            closeAll();
        }
    }

    private void onReady(SelectionKey key) {
        try {
            ((ClientConnection) key.attachment()).onReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeAll() {
        for (ClientConnection connection : connections) {
            connection.close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            // The selector is unusable either way.
        }
    }
}
