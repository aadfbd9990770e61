package io.fiberize.samples.loadgen;

/**
 * Describe one interval (about a second) of a load run, for a live progress line.
 *
 * @param warmup whether the interval was part of the warmup, which is not measured
 * @param elapsedSeconds seconds since the load started, at the end of the interval
 * @param connections connections open
 * @param roundTripsPerSecond round trips completed per second during the interval
 * @param p99Nanos the 99th percentile round-trip latency during the interval, in nanoseconds
 */
public record IntervalReport(
        boolean warmup, double elapsedSeconds, int connections, long roundTripsPerSecond, long p99Nanos) {

    /**
     * Format the interval as one line, e.g. {@code measure  3.0s  2000 connections  152,340 round trips/s  p99 3.41 ms}.
     */
    public String line() {
        return String.format("%-7s %5.1fs  %d connections  %,d round trips/s  p99 %s",
                warmup ? "warmup" : "measure", elapsedSeconds, connections, roundTripsPerSecond,
                LoadReport.latency(p99Nanos));
    }
}
