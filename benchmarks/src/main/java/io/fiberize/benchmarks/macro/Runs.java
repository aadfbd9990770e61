package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hold what a benchmark measured over all its runs, and the runs that failed.
 *
 * @param measurements one per successful run
 * @param failures one line per failed run: which variant, load and repetition, and why
 */
record Runs(List<Measurement> measurements, List<String> failures) {

    /**
     * Measure one variant under one load, for one repetition (from 1).
     */
    interface Run {
        /** Start the variant's server, load it, stop it, and return what was measured. */
        Measurement measure(Variant variant, Load load, int repetition) throws IOException, InterruptedException;
    }

    /**
     * Run every variant once per load and repetition, alternating: all variants in turn before the next
     * repetition, and each load and repetition starting one variant later than the one before, so that no
     * variant always runs first. A run that fails is recorded as a failure and the others go on.
     */
    static Runs alternate(String benchmark, List<Load> loads, int repetitions, List<Variant> variants, Run run)
            throws InterruptedException {
        List<Measurement> measurements = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int start = 0;
        for (Load load : loads) {
            for (int repetition = 1; repetition <= repetitions; repetition++) {
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((start + i) % variants.size());
                    String what = benchmark + ", " + load.describe() + ", repetition " + repetition + "/"
                            + repetitions + ", " + variant.label();
                    try {
                        Measurement measurement = run.measure(variant, load, repetition);
                        measurements.add(measurement);
                        System.err.printf("macro: %s: %,.0f/s, p99 %s, CPU %.3f s%n", what,
                                measurement.perSecond(), Format.millis(measurement.p99Nanos()),
                                measurement.cpuSeconds());
                    } catch (IOException e) {
                        failures.add(what + ": " + e.getMessage());
                        System.err.println("macro: " + what + ": failed: " + e.getMessage());
                    }
                }
                start++;
            }
        }
        return new Runs(measurements, failures);
    }
}
