package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drive every HTTP variant with {@code wrk} at each connection count, alternating variants.
 *
 * <p>Each run is a warm-up {@code wrk} run, then the measured one; the server's CPU time is read around the
 * measured run and its threads and resident memory about twice a second during it. Errors wrk reports
 * (socket errors, non-2xx answers) are kept with the measurement, for the report to list.
 */
final class HttpBenchmark {

    private final Path java;
    private final Path wrk;
    private final List<Variant> variants;
    private final HarnessOptions options;

    /**
     * Create the benchmark of {@code variants}, started with {@code java} and driven by {@code wrk}.
     */
    HttpBenchmark(Path java, Path wrk, List<Variant> variants, HarnessOptions options) {
        this.java = java;
        this.wrk = wrk;
        this.variants = variants;
        this.options = options;
    }

    /**
     * Run every variant at every connection count, {@code repetitions} times, alternating.
     */
    Runs run() throws InterruptedException {
        return Runs.alternate("http", loads(), options.repetitions(), variants, this::measure);
    }

    /**
     * Return the loads: one per connection count.
     */
    List<Load> loads() {
        return options.httpConnections().stream().map(connections -> new Load(connections, 0)).toList();
    }

    private Measurement measure(Variant variant, Load load, int repetition) throws IOException, InterruptedException {
        try (MeasuredServer server = MeasuredServer.start(variant, java)) {
            Wrk.run(wrk, server.port(), load.connections(), options.warmup(), () -> { });
            server.beginWindow();
            WrkResult result = Wrk.run(wrk, server.port(), load.connections(), options.duration(),
                    server::sampleAndEndWindow);
            server.sampleAndEndWindow();
            OptionalLong resumes = server.stopAndReadJdkHelperResumes();
            return new Measurement(variant.label(), load, repetition, result.requestsPerSecond(), result.requests(),
                    result.p50Nanos(), result.p99Nanos(), server.windowCpuSeconds(), server.peak(), resumes,
                    result.errors());
        }
    }
}
