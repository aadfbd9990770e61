package io.fiberize.apps.zookeeper;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sample the JVM's live platform thread count every 5 ms, from a daemon thread, and keep the highest.
 */
final class PeakThreads {
    private static final long INTERVAL_MILLIS = 5;

    private final AtomicInteger peak = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    private PeakThreads() {
        sampler = new Thread(this::sample, "peak-threads");
        sampler.setDaemon(true);
    }

    /** Start sampling. */
    static PeakThreads start() {
        PeakThreads peakThreads = new PeakThreads();
        peakThreads.sampler.start();
        return peakThreads;
    }

    /** Stop sampling and return the highest count seen. */
    int stop() throws InterruptedException {
        running = false;
        sampler.join();
        return peak.get();
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(ManagementFactory.getThreadMXBean().getThreadCount(), Math::max);
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
