package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draw the soak's samples ({@code it-tests/target/soak.csv}, which {@code SoakIT} writes) as two
 * charts: memory (heap after GC, resident set) and counts (descriptors, live fibers, I/O waits,
 * timers), against the seconds of the run.
 *
 * <p>Usage: {@code SoakChart SOAK_CSV OUTPUT_DIR}; writes {@code soak-memory.svg} and {@code
 * soak-counts.svg} there.
 */
public final class SoakChart {
    private SoakChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SoakChart SOAK_CSV OUTPUT_DIR");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> columns = List.of(lines.get(0).split(","));
        List<long[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            long[] row = new long[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Long.parseLong(cells[i]);
            }
            rows.add(row);
        }
        Path out = Path.of(args[1]);
        Files.writeString(out.resolve("soak-memory.svg"), SvgChart.lines(SvgChart.XScale.LINEAR,
                "Soak: server memory under the agent", "seconds", "MB",
                List.of(series("heap after GC", columns, rows, "heapKB", 1024.0),
                        series("resident set", columns, rows, "rssKB", 1024.0))));
        Files.writeString(out.resolve("soak-counts.svg"), SvgChart.lines(SvgChart.XScale.LINEAR,
                "Soak: what the server holds under the agent", "seconds", "count",
                List.of(series("open descriptors", columns, rows, "fds", 1),
                        series("live fibers", columns, rows, "fibers", 1),
                        series("I/O waits", columns, rows, "ioWaits", 1),
                        series("timers", columns, rows, "timers", 1))));
    }

    private static SvgChart.Series series(String name, List<String> columns, List<long[]> rows, String column,
            double divisor) {
        int index = columns.indexOf(column);
        List<double[]> points = new ArrayList<>();
        for (long[] row : rows) {
            points.add(new double[] {row[0], row[index] / divisor});
        }
        return new SvgChart.Series(name, points);
    }
}
