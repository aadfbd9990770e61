package io.fiberize.benchmarks.macro;

import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Name a figure the tables show for every run, with how to read it from a measurement and how to format it.
 */
enum Metric {
    /** Round trips (echo) or requests (HTTP) per second; higher is better. */
    THROUGHPUT("per second", Measurement::perSecond, Format::whole),
    /** Median latency; lower is better. */
    P50("p50", Measurement::p50Nanos, Format::millis),
    /** 99th percentile latency; lower is better. */
    P99("p99", Measurement::p99Nanos, Format::millis),
    /** Server CPU seconds per 100,000 round trips or requests; lower is better. */
    CPU("server CPU s / 100k", Measurement::cpuPer100k, Format::decimal),
    /** The server's peak resident memory while measured; lower is better. */
    RSS("server RSS (peak)", m -> m.peak().rssKilobytes(), Format::megabytes),
    /** The server's peak count of OS (platform) threads while measured. */
    THREADS("server threads (peak)", m -> m.peak().threads(), Format::whole);

    private final String heading;
    private final ToDoubleFunction<Measurement> reading;
    private final DoubleFunction<String> format;

    Metric(String heading, ToDoubleFunction<Measurement> reading, DoubleFunction<String> format) {
        this.heading = heading;
        this.reading = reading;
        this.format = format;
    }

    /**
     * Return the column heading.
     */
    String heading() {
        return heading;
    }

    /**
     * Read this figure from {@code measurement}.
     */
    double of(Measurement measurement) {
        return reading.applyAsDouble(measurement);
    }

    /**
     * Format a value of this figure.
     */
    String format(double value) {
        return format.apply(value);
    }
}
