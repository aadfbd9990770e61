package io.fiberize.samples.demo;

import io.fiberize.samples.loadgen.LoadReport;
import java.util.List;
import java.util.function.Function;

/**
 * Lay measurements side by side, one column per server setup, one row per figure.
 */
final class ComparisonTable {

    private static final List<Row> ROWS = List.of(
            new Row("connections", m -> Integer.toString(m.load().connections())),
            new Row("server OS threads (peak)", m -> m.peak().threadsText()),
            new Row("round trips/s", m -> String.format("%,d", m.load().roundTripsPerSecond())),
            new Row("latency p50", m -> LoadReport.latency(m.load().p50Nanos())),
            new Row("latency p99", m -> LoadReport.latency(m.load().p99Nanos())),
            new Row("server RSS (peak)", m -> m.peak().rssText()));

    private ComparisonTable() {
    }

    /**
     * Format {@code measurements} as a table with a heading line.
     */
    static String format(List<Measurement> measurements) {
        int labelWidth = ROWS.stream().mapToInt(row -> row.label().length()).max().orElse(0);
        StringBuilder table = new StringBuilder(" ".repeat(labelWidth));
        for (Measurement measurement : measurements) {
            table.append(cell(measurement.setup().label()));
        }
        table.append('\n');
        for (Row row : ROWS) {
            table.append(String.format("%-" + labelWidth + "s", row.label()));
            for (Measurement measurement : measurements) {
                table.append(cell(row.value().apply(measurement)));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String cell(String text) {
        return String.format("%20s", text);
    }

    /**
     * Name one figure and say how to read it from a measurement.
     */
    private record Row(String label, Function<Measurement, String> value) {
    }
}
