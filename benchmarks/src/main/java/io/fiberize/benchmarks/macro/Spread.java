package io.fiberize.benchmarks.macro;

import java.util.Collection;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Summarize a figure over repetitions: its median, smallest and largest value.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
record Spread(double median, double min, double max, int count) {

    /**
     * Summarize {@code values}, which must not be empty.
     */
    static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast(), n);
    }

    /**
     * Format as {@code median (min–max)}, or just the value when there is one, each number by {@code format}.
     */
    String format(DoubleFunction<String> format) {
        if (count == 1) {
            return format.apply(median);
        }
        return format.apply(median) + " (" + format.apply(min) + "–" + format.apply(max) + ")";
    }
}
