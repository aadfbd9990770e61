package io.fiberize.benchmarks.macro;

import java.util.Locale;

/**
 * Format the figures the report shows, the same way in every table.
 */
final class Format {

    private Format() {
    }

    /**
     * Format a latency in milliseconds with three decimals, e.g. {@code 1.234 ms}.
     */
    static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /**
     * Format a count or rate as a whole number with thousands separators, e.g. {@code 123,456}.
     */
    static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * Format a figure with three decimals, e.g. {@code 0.125}.
     */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * Format a ratio with two decimals and an {@code x}, e.g. {@code 1.25x}.
     */
    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    /**
     * Format kilobytes as megabytes with one decimal, e.g. {@code 123.4 MB}.
     */
    static String megabytes(double kilobytes) {
        return String.format(Locale.ROOT, "%.1f MB", kilobytes / 1024);
    }
}
