package io.fiberize.benchmarks.macro;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read what {@code wrk --latency} printed: requests, requests per second, latency percentiles and errors.
 *
 * @param requests requests completed
 * @param requestsPerSecond the {@code Requests/sec:} line
 * @param p50Nanos the 50% line of the latency distribution, in nanoseconds
 * @param p99Nanos the 99% line of the latency distribution, in nanoseconds
 * @param errors the {@code Socket errors:} and {@code Non-2xx or 3xx responses:} lines, or empty if there were none
 */
record WrkResult(long requests, double requestsPerSecond, long p50Nanos, long p99Nanos, String errors) {

    private static final Pattern REQUESTS = Pattern.compile("(?m)^\\s*(\\d+) requests in ");
    private static final Pattern PER_SECOND = Pattern.compile("(?m)^Requests/sec:\\s*([0-9.]+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("(?m)^\\s*(Socket errors:.*)$");
    private static final Pattern NON_2XX = Pattern.compile("(?m)^\\s*(Non-2xx or 3xx responses:.*)$");

    /**
     * Parse wrk's output.
     *
     * @throws IllegalArgumentException if a figure is missing (wrk failed, or ran without {@code --latency})
     */
    static WrkResult parse(String output) {
        String errors = (line(SOCKET_ERRORS, output) + " " + line(NON_2XX, output)).trim();
        return new WrkResult(Long.parseLong(required(REQUESTS, output, "request count")),
                Double.parseDouble(required(PER_SECOND, output, "Requests/sec")),
                percentile(output, 50), percentile(output, 99), errors);
    }

    private static long percentile(String output, int percent) {
        Pattern pattern = Pattern.compile("(?m)^\\s*" + percent + "%\\s+([0-9.]+)(us|ms|s|m)\\s*$");
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + percent + "% latency line in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        double nanosPerUnit = switch (matcher.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        return Math.round(value * nanosPerUnit);
    }

    private static String required(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + what + " in wrk's output:\n" + output);
        }
        return matcher.group(1);
    }

    private static String line(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? matcher.group(1).trim() : "";
    }
}
