package io.fiberize.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sample a server's OS threads in the background while a load runs, keeping the sample with the most.
 */
final class PeakOsThreads implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 50;

    private final ServerJvm server;
    private final Thread sampler;
    private volatile List<String> peak = List.of();
    private volatile boolean running = true;

    private PeakOsThreads(ServerJvm server) {
        this.server = server;
        this.sampler = Thread.ofPlatform().daemon().name("os-thread-sampler").unstarted(this::sample);
    }

    /**
     * Start sampling {@code server}.
     */
    static PeakOsThreads of(ServerJvm server) {
        PeakOsThreads peak = new PeakOsThreads(server);
        peak.sampler.start();
        return peak;
    }

    /**
     * Stop sampling and return the names of the OS threads at the sample that had the most.
     */
    List<String> peak() throws InterruptedException {
        running = false;
        sampler.join();
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        peak();
    }

    private void sample() {
        try {
            while (running) {
                List<String> now = server.osThreads();
                if (now.size() > peak.size()) {
                    peak = now;
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
