package io.fiberize.benchmarks.macro;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import io.fiberize.samples.loadgen.LoadGenerator;
import io.fiberize.samples.loadgen.LoadReport;
import io.fiberize.samples.loadgen.LoadSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drive every echo variant with the load generator, in this JVM, under every load, alternating variants.
 *
 * <p>The server's CPU time is read when the warm-up ends and when the measured window ends (the load
 * generator reports each second, flagging the warm-up's reports), and its threads and resident memory each
 * measured second.
 *
 * <p>Each run connects from a source address of its own, 127.0.1.1 to 127.0.1.{@value #SOURCE_ADDRESSES} in
 * turn: the connections a run closes stay in {@code TIME_WAIT} for a minute, holding their ports, and one
 * address has too few ports for the next runs of 10,000 connections to find free ones.
 */
final class EchoBenchmark {

    private static final int SOURCE_ADDRESSES = 250;

    private final Path java;
    private final List<Variant> variants;
    private final HarnessOptions options;
    private int runs;

    /**
     * Create the benchmark of {@code variants}, started with {@code java}, under the loads {@code options} name.
     */
    EchoBenchmark(Path java, List<Variant> variants, HarnessOptions options) {
        this.java = java;
        this.variants = variants;
        this.options = options;
    }

    /**
     * Return the loads: every message size with every connection count.
     */
    List<Load> loads() {
        List<Load> loads = new ArrayList<>();
        for (int size : options.sizes()) {
            for (int connections : options.connections()) {
                loads.add(new Load(connections, size));
            }
        }
        return loads;
    }

    /**
     * Run every variant under every load, {@code repetitions} times, alternating.
     */
    Runs run() throws InterruptedException {
        return Runs.alternate("echo", loads(), options.repetitions(), variants, this::measure);
    }

    private Measurement measure(Variant variant, Load load, int repetition) throws IOException, InterruptedException {
        try (MeasuredServer server = MeasuredServer.start(variant, java)) {
            LoadReport report;
            try {
                report = new LoadGenerator(settings(server.port(), load)).run(interval -> {
                    try {
                        if (interval.warmup()) {
                            server.beginWindow();
                        } else {
                            server.sampleAndEndWindow();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            OptionalLong resumes = server.stopAndReadJdkHelperResumes();
            return new Measurement(variant.label(), load, repetition, report.roundTripsPerSecond(),
                    report.roundTrips(), report.p50Nanos(), report.p99Nanos(), server.windowCpuSeconds(),
                    server.peak(), resumes, "");
        }
    }

    /**
     * Describe the load generator's next run, from the next source address, with the generator's own defaults
     * for what the harness does not choose (its thread count).
     */
    private LoadSettings settings(int port, Load load) {
        String[] args = {
            "--protocol", "echo", "--port", Integer.toString(port),
            "--connections", Integer.toString(load.connections()), "--size", Integer.toString(load.size()),
            "--warmup", options.warmup().toMillis() + "ms", "--duration", options.duration().toMillis() + "ms",
            "--source", "127.0.1." + (1 + runs++ % SOURCE_ADDRESSES)};
        try {
            return LoadSettings.from(Arguments.parse(args, LoadSettings.OPTIONS));
        } catch (BadArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
