package io.fiberize.benchmarks.macro;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Render one benchmark's runs as Markdown tables: the figures of every variant, fiberize's ratios against
 * each peer, and the targets.
 *
 * <p>Every figure is the median over the repetitions with the smallest and largest in brackets. A ratio is
 * taken per repetition (runs of the same repetition ran next to each other), then summarized the same way.
 *
 * @param runs what the benchmark measured
 * @param loads the loads, in table order
 * @param variants the variants' labels, in table order
 */
record ResultTables(Runs runs, List<Load> loads, List<String> variants) {

    /** The figures a ratio is given for. */
    private static final List<Metric> RATIO_METRICS = List.of(Metric.THROUGHPUT, Metric.P50, Metric.P99, Metric.CPU,
            Metric.RSS);

    /**
     * Render every variant's figures under every load; {@code perSecond} names the throughput column.
     */
    String figures(String perSecond) {
        List<String> headings = new ArrayList<>(List.of("load", "variant"));
        for (Metric metric : Metric.values()) {
            headings.add(heading(metric, perSecond));
        }
        headings.addAll(List.of("jdk-helper resumes", "runs"));
        MarkdownTable table = new MarkdownTable(headings);
        for (Load load : loads) {
            for (String variant : variants) {
                List<Measurement> measured = of(load, variant);
                if (measured.isEmpty()) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(load.describe(), variant));
                for (Metric metric : Metric.values()) {
                    row.add(Spread.of(measured.stream().map(metric::of).toList()).format(metric::format));
                }
                row.add(resumes(measured));
                row.add(Integer.toString(measured.size()));
                table.row(row);
            }
        }
        return table.render() + errors();
    }

    /**
     * Render {@code subject}'s figures over each of the other variants', under every load; {@code perSecond}
     * names the throughput column.
     */
    String ratios(String subject, String perSecond) {
        List<String> headings = new ArrayList<>(List.of("load", subject + " vs"));
        RATIO_METRICS.forEach(metric -> headings.add(heading(metric, perSecond)));
        MarkdownTable table = new MarkdownTable(headings);
        for (Load load : loads) {
            for (String peer : variants) {
                if (peer.equals(subject)) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(load.describe(), peer));
                for (Metric metric : RATIO_METRICS) {
                    row.add(ratio(load, subject, peer, metric).map(spread -> spread.format(Format::ratio))
                            .orElse("n/a"));
                }
                table.row(row);
            }
        }
        return table.render();
    }

    /**
     * Render whether {@code subject} meets each target under every load, judged on the median ratio, and
     * whether every fiberized run reported zero resumes from JDK helper threads.
     */
    String targets(String subject, List<Check> checks) {
        MarkdownTable table = new MarkdownTable(List.of("load", "target", "ratio", "verdict"));
        for (Load load : loads) {
            for (Check check : checks) {
                Optional<Spread> ratio = ratio(load, subject, check.target().peer(), check.metric());
                table.row(List.of(load.describe(), check.target().describe(),
                        ratio.map(spread -> spread.format(Format::ratio)).orElse("n/a"),
                        check.target().verdict(ratio.map(Spread::median).orElse(Double.NaN))));
            }
        }
        List<Measurement> fiberized = runs.measurements().stream()
                .filter(m -> m.jdkHelperResumes().isPresent()).toList();
        long nonZero = fiberized.stream().filter(m -> m.jdkHelperResumes().getAsLong() != 0).count();
        long maximum = fiberized.stream().mapToLong(m -> m.jdkHelperResumes().getAsLong()).max().orElse(0);
        table.row(List.of("all", "jdk-helper resumes = 0 in every fiberize run",
                fiberized.size() + " runs, " + nonZero + " with resumes, at most " + maximum,
                fiberized.isEmpty() ? "not measured" : nonZero == 0 ? "met" : "**missed**"));
        return table.render();
    }

    /**
     * Render the failed runs as a list, or nothing if none failed.
     */
    String failures() {
        if (runs.failures().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Failed runs (left out of the tables):\n\n");
        runs.failures().forEach(failure -> text.append("- ").append(failure.replace('\n', ' ')).append('\n'));
        return text.append('\n').toString();
    }

    /**
     * Return the median figure of {@code variant} under {@code load}, or NaN if it was not measured.
     */
    double median(Load load, String variant, Metric metric) {
        List<Measurement> measured = of(load, variant);
        return measured.isEmpty() ? Double.NaN : Spread.of(measured.stream().map(metric::of).toList()).median();
    }

    /**
     * Pair one target with the figure it compares.
     *
     * @param metric the figure
     * @param target the target
     */
    record Check(Metric metric, Target target) {
    }

    private static String heading(Metric metric, String perSecond) {
        return metric == Metric.THROUGHPUT ? perSecond : metric.heading();
    }

    private Optional<Spread> ratio(Load load, String subject, String peer, Metric metric) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement mine : of(load, subject)) {
            for (Measurement theirs : of(load, peer)) {
                if (theirs.repetition() == mine.repetition()) {
                    ratios.add(metric.of(mine) / metric.of(theirs));
                }
            }
        }
        return ratios.isEmpty() ? Optional.empty() : Optional.of(Spread.of(ratios));
    }

    private List<Measurement> of(Load load, String variant) {
        return runs.measurements().stream()
                .filter(m -> m.load().equals(load) && m.variant().equals(variant))
                .toList();
    }

    private static String resumes(List<Measurement> measured) {
        if (measured.stream().map(Measurement::jdkHelperResumes).allMatch(OptionalLong::isEmpty)) {
            return "–";
        }
        return String.join(", ", measured.stream()
                .map(m -> m.jdkHelperResumes().isPresent() ? Long.toString(m.jdkHelperResumes().getAsLong()) : "–")
                .toList());
    }

    private String errors() {
        List<String> lines = runs.measurements().stream()
                .filter(m -> !m.errors().isEmpty())
                .map(m -> "- " + m.load().describe() + ", " + m.variant() + ", repetition " + m.repetition() + ": "
                        + m.errors())
                .toList();
        return lines.isEmpty() ? "" : "\nErrors the load reported during measured runs:\n\n" + String.join("\n", lines)
                + "\n";
    }
}
