package io.fiberize.benchmarks.macro;

import io.fiberize.samples.process.ProcessStatus;
import java.util.OptionalLong;

/**
 * Hold what one run of one variant under one load measured: throughput, latency, server CPU and memory.
 *
 * @param variant the variant's label
 * @param load the load the run belongs to
 * @param repetition which repetition, from 1
 * @param perSecond round trips (or requests) completed per second in the measured window
 * @param count round trips (or requests) completed in the measured window
 * @param p50Nanos median latency, in nanoseconds
 * @param p99Nanos 99th percentile latency, in nanoseconds
 * @param cpuSeconds server CPU seconds (user + system) in the measured window
 * @param peak the server's largest thread count and resident memory in the measured window
 * @param jdkHelperResumes fiber resumes from JDK helper threads, from fiberize's exit report; empty without it
 * @param errors errors the load reported without stopping (wrk's socket errors), or empty
 */
record Measurement(String variant, Load load, int repetition, double perSecond, long count, long p50Nanos,
        long p99Nanos, double cpuSeconds, ProcessStatus peak, OptionalLong jdkHelperResumes, String errors) {

    /**
     * Return the server CPU seconds spent per 100,000 round trips (or requests).
     */
    double cpuPer100k() {
        return count == 0 ? Double.NaN : cpuSeconds / count * 100_000;
    }
}
