package io.fiberize.benchmarks.macro;

import java.util.Locale;

/**
 * Format the figures the report shows, the same way in every table; a figure that could not be measured
 * (NaN, or a negative count or size, which is how {@code /proc} readings say so) is {@code n/a}.
 */
final class Format {

    private static final String NOT_MEASURED = "n/a";

    private Format() {
    }

    /**
     * Format a latency in milliseconds with three decimals, e.g. {@code 1.234 ms}.
     */
    static String millis(double nanos) {
        return measured(nanos) ? String.format(Locale.ROOT, "%.3f ms", nanos / 1e6) : NOT_MEASURED;
    }

    /**
     * Format a count or rate as a whole number with thousands separators, e.g. {@code 123,456}.
     */
    static String whole(double value) {
        return measured(value) ? String.format(Locale.ROOT, "%,.0f", value) : NOT_MEASURED;
    }

    /**
     * Format a figure with three decimals, e.g. {@code 0.125}.
     */
    static String decimal(double value) {
        return measured(value) ? String.format(Locale.ROOT, "%.3f", value) : NOT_MEASURED;
    }

    /**
     * Format a ratio with two decimals and an {@code x}, e.g. {@code 1.25x}.
     */
    static String ratio(double value) {
        return measured(value) ? String.format(Locale.ROOT, "%.2fx", value) : NOT_MEASURED;
    }

    /**
     * Format kilobytes as megabytes with one decimal, e.g. {@code 123.4 MB}.
     */
    static String megabytes(double kilobytes) {
        return measured(kilobytes) ? String.format(Locale.ROOT, "%.1f MB", kilobytes / 1024) : NOT_MEASURED;
    }

    /**
     * Format a figure with two decimals, e.g. {@code 12.34}.
     */
    static String twoDecimals(double value) {
        return measured(value) ? String.format(Locale.ROOT, "%.2f", value) : NOT_MEASURED;
    }

    private static boolean measured(double value) {
        return !Double.isNaN(value) && value >= 0;
    }
}
