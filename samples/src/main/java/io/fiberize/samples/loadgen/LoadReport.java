package io.fiberize.samples.loadgen;

import java.time.Duration;

/**
 * Summarize the measured part of a load run: throughput and round-trip latency.
 *
 * @param connections connections held open
 * @param workload what each connection did, e.g. {@code 32-byte messages, one in flight each}
 * @param warmup time spent sending before measuring
 * @param measured time measured
 * @param roundTrips round trips completed while measuring
 * @param p50Nanos median round-trip latency, in nanoseconds
 * @param p99Nanos 99th percentile round-trip latency, in nanoseconds
 * @param maxNanos longest round trip, in nanoseconds
 */
public record LoadReport(int connections, String workload, Duration warmup, Duration measured, long roundTrips,
        long p50Nanos, long p99Nanos, long maxNanos) {

    /**
     * Return the round trips completed per second while measuring.
     */
    public long roundTripsPerSecond() {
        return Math.round(roundTrips / (measured.toNanos() / 1e9));
    }

    /**
     * Format a latency in milliseconds with two decimals, e.g. {@code 3.41 ms}.
     */
    public static String latency(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    /**
     * Format the report as a few labelled lines.
     */
    public String summary() {
        return String.format("""
                connections     %d (%s)
                measured        %.1f s after a %.1f s warmup
                round trips     %,d
                round trips/s   %,d
                latency p50     %s
                latency p99     %s
                latency max     %s
                """, connections, workload, measured.toMillis() / 1e3, warmup.toMillis() / 1e3, roundTrips,
                roundTripsPerSecond(), latency(p50Nanos), latency(p99Nanos), latency(maxNanos));
    }
}
