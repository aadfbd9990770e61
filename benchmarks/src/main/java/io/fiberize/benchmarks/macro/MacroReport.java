package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Write a harness invocation's results: {@code macro.md} with every table, and the SVG charts it shows.
 */
final class MacroReport {

    /** The report's file name in the output directory. */
    static final String REPORT = "macro.md";
    /** The idle-memory chart's file name in the output directory. */
    static final String IDLE_CHART = "idle-rss.svg";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<ResultTables.Check> ECHO_TARGETS = List.of(
            new ResultTables.Check(Metric.THROUGHPUT,
                    new Target("round trips/s", ServerVariants.NETTY_1, true, 1.0)),
            new ResultTables.Check(Metric.THROUGHPUT,
                    new Target("round trips/s", ServerVariants.VIRTUAL, true, 1.5)),
            new ResultTables.Check(Metric.CPU,
                    new Target("server CPU per round trip", ServerVariants.NIO, false, 1.1)));
    private static final Target IDLE_TARGET = new Target("kB per idle connection", ServerVariants.VIRTUAL, false, 0.8);

    private final HarnessOptions options;
    private final Machine machine;
    private final List<String> serverOptions;
    private final MacroResults results;
    private final String loadAtEnd;

    /**
     * Prepare the report of {@code results}, measured with {@code options} on {@code machine}; every server
     * JVM ran with {@code serverOptions} (the heap) and, under fiberize, the agent. {@code loadAtEnd} is the
     * load averages when the last benchmark finished.
     */
    MacroReport(HarnessOptions options, Machine machine, List<String> serverOptions, MacroResults results,
            String loadAtEnd) {
        this.options = options;
        this.machine = machine;
        this.serverOptions = serverOptions;
        this.results = results;
        this.loadAtEnd = loadAtEnd;
    }

    /**
     * Write the report and the charts into the output directory, and return the report's path.
     */
    Path write() throws IOException {
        Path directory = options.outputDirectory();
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder();
        header(text);
        echo(text, directory);
        idle(text, directory);
        http(text);
        Path report = directory.resolve(REPORT);
        Files.writeString(report, text);
        return report;
    }

    /**
     * Return the echo chart's file name for one message size, e.g. {@code echo-throughput-32b.svg}.
     */
    static String echoChart(int size) {
        return "echo-throughput-" + (size % 1024 == 0 ? size / 1024 + "k" : size + "b") + ".svg";
    }

    private void header(StringBuilder text) {
        text.append("# Macro benchmark results\n\n")
                .append("Written by the macro harness (`benchmarks/run-macro`); every figure is as measured. ")
                .append("A figure is the median over the repetitions, with the smallest and largest in brackets; ")
                .append("a ratio is fiberize's figure over the peer's, taken per repetition and summarized the ")
                .append("same way.\n\n")
                .append("## Run\n\n")
                .append("- Command: `").append(options.command()).append("`\n")
                .append("- Harness JVM (the load generator): `").append(harnessCommandLine()).append("`\n")
                .append("- Date: ").append(TIME.format(results.started())).append(" to ")
                .append(TIME.format(results.finished())).append('\n')
                .append(machine.markdown())
                .append("- Load average (1, 5, 15 min): ").append(machine.loadAtStart()).append(" at start, ")
                .append(loadAtEnd).append(" at end")
                .append(machine.idleAtStart() ? "" : " (**not idle at start**: the figures are not comparable)")
                .append('\n')
                .append("- Server JVMs: `").append(String.join(" ", serverOptions))
                .append("` for every server; under fiberize also `-javaagent:")
                .append(options.agentJar()).append("=loops=<1|auto>,log=info`\n")
                .append("- Per run: a fresh server JVM, ").append(options.warmup().toSeconds())
                .append(" s warm-up, ").append(options.duration().toSeconds()).append(" s measured, ")
                .append(options.repetitions()).append(" repetition(s), variants alternating\n\n");
    }

    /**
     * Return this JVM's command line, with the arguments that hold spaces in quotes.
     */
    private static String harnessCommandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> words = new ArrayList<>();
        words.add(info.command().orElse("java"));
        for (String argument : info.arguments().orElse(new String[0])) {
            words.add(argument.contains(" ") ? "'" + argument + "'" : argument);
        }
        return String.join(" ", words);
    }

    private void echo(StringBuilder text, Path directory) throws IOException {
        text.append("## Echo\n\nThe unmodified thread-per-connection echo sample and its peers, driven by the ")
                .append("load generator (one message in flight per connection) from the harness JVM over ")
                .append("loopback.\n\n");
        for (int size : options.sizes()) {
            List<Load> loads = results.echoLoads().stream().filter(load -> load.size() == size).toList();
            ResultTables tables = new ResultTables(results.echo(), loads, results.echoVariants());
            text.append("### ").append(Load.sizeText(size)).append(" messages\n\n")
                    .append(tables.figures("round trips/s")).append('\n')
                    .append("![round trips/s, ").append(Load.sizeText(size)).append(" messages](")
                    .append(echoChart(size)).append(")\n\n")
                    .append("Ratios, ").append(ServerVariants.FIBERIZE_1).append(" over each peer:\n\n")
                    .append(tables.ratios(ServerVariants.FIBERIZE_1, "round trips/s")).append('\n')
                    .append("Ratios, ").append(ServerVariants.FIBERIZE_AUTO).append(" over each peer:\n\n")
                    .append(tables.ratios(ServerVariants.FIBERIZE_AUTO, "round trips/s")).append('\n');
            Files.writeString(directory.resolve(echoChart(size)), throughputChart(tables, loads, size));
        }
        ResultTables all = new ResultTables(results.echo(), results.echoLoads(), results.echoVariants());
        text.append("### Echo targets (DESIGN §4), ").append(ServerVariants.FIBERIZE_1).append("\n\n")
                .append(all.targets(ServerVariants.FIBERIZE_1, ECHO_TARGETS)).append('\n')
                .append(all.failures());
    }

    private String throughputChart(ResultTables tables, List<Load> loads, int size) {
        List<SvgChart.Series> series = new ArrayList<>();
        for (String variant : results.echoVariants()) {
            List<double[]> points = new ArrayList<>();
            for (Load load : loads) {
                points.add(new double[] {load.connections(), tables.median(load, variant, Metric.THROUGHPUT)});
            }
            series.add(new SvgChart.Series(variant, points));
        }
        return SvgChart.lines("Echo, " + Load.sizeText(size) + " messages: round trips/s (median)",
                "concurrent connections",
                "round trips/s", series);
    }

    private void idle(StringBuilder text, Path directory) throws IOException {
        text.append("## Idle connections\n\nThe echo sample holding connections that each echoed one byte and ")
                .append("then stay idle (a thread or fiber per connection, blocked in `read`). `kB per connection` ")
                .append("is the server's RSS with the connections open minus its RSS before connecting, over the ")
                .append("connections established. The client binds source addresses from 127.0.0.2 on (")
                .append(String.format("%,d", IdleClient.PER_ADDRESS)).append(" connections each).\n\n");
        text.append(idleTable(results.idle())).append('\n');
        Optional<IdleResult> fiberize = find(ServerVariants.FIBERIZE_1);
        MarkdownTable ratios = new MarkdownTable(List.of(ServerVariants.FIBERIZE_1 + " vs", "kB per connection",
                "target", "verdict"));
        for (IdleResult peer : results.idle()) {
            if (peer.variant().equals(ServerVariants.FIBERIZE_1)) {
                continue;
            }
            double ratio = fiberize.map(f -> f.kbPerConnection() / peer.kbPerConnection()).orElse(Double.NaN);
            boolean targeted = peer.variant().equals(IDLE_TARGET.peer());
            ratios.row(List.of(peer.variant(), Format.ratio(ratio), targeted ? IDLE_TARGET.describe() : "–",
                    targeted ? IDLE_TARGET.verdict(ratio) : "–"));
        }
        text.append(ratios.render()).append('\n')
                .append("![kB per idle connection](").append(IDLE_CHART).append(")\n\n");
        Files.writeString(directory.resolve(IDLE_CHART), SvgChart.bars(String.format(
                        "Server RSS per idle connection (%,d connections attempted)", options.idleConnections()),
                "kB per connection", results.idle().stream().map(MacroReport::bar).toList()));
        if (results.million().isPresent()) {
            IdleResult million = results.million().get();
            text.append("### A million idle connections, ").append(million.variant()).append("\n\n")
                    .append("Server heap `").append(String.join(" ", ServerVariants.MILLION_HEAP)).append("`.\n\n")
                    .append(idleTable(List.of(million))).append('\n')
                    .append(million.failure().isEmpty() ? String.format("It held all %,d.%n%n", million.target())
                            : String.format("It got to %,d: %s%s%n%n", million.established(), million.failure(),
                                    million.serverError().isEmpty() ? ""
                                            : "; the server said: `" + million.serverError() + "`"));
        }
    }

    /**
     * Return a variant's bar: its memory per connection, and how many it held if not all.
     */
    private static SvgChart.Bar bar(IdleResult result) {
        String note = result.established() < result.target()
                ? "stopped at " + Format.whole(result.established()) : "";
        return new SvgChart.Bar(result.variant(), result.kbPerConnection(), note);
    }

    private static String idleTable(List<IdleResult> idle) {
        MarkdownTable table = new MarkdownTable(List.of("variant", "attempted", "established", "RSS before",
                "RSS with connections", "kB per connection", "server threads", "jdk-helper resumes", "stopped by",
                "server error"));
        for (IdleResult result : idle) {
            table.row(List.of(result.variant(), Format.whole(result.target()), Format.whole(result.established()),
                    Format.megabytes(result.rssBeforeKb()), Format.megabytes(result.rssAfterKb()),
                    Format.twoDecimals(result.kbPerConnection()), Format.whole(result.threadsAfter()),
                    result.jdkHelperResumes().isPresent()
                            ? Long.toString(result.jdkHelperResumes().getAsLong()) : "–",
                    result.failure().isEmpty() ? "–" : result.failure(),
                    result.serverError().isEmpty() ? "–" : "`" + result.serverError() + "`"));
        }
        return table.render();
    }

    private Optional<IdleResult> find(String variant) {
        return results.idle().stream().filter(result -> result.variant().equals(variant)).findFirst();
    }

    private void http(StringBuilder text) {
        ResultTables tables = new ResultTables(results.http(), results.httpLoads(), results.httpVariants());
        text.append("## HTTP\n\nThe unmodified thread-per-connection HTTP sample, driven by ")
                .append("`wrk -t2 -c<connections> -d").append(options.duration().toSeconds())
                .append("s --latency http://127.0.0.1:<port>/hello` after a ").append(options.warmup().toSeconds())
                .append(" s `wrk` warm-up.\n\n")
                .append(tables.figures("requests/s")).append('\n')
                .append("Ratios, ").append(ServerVariants.FIBERIZE_1).append(" over each peer:\n\n")
                .append(tables.ratios(ServerVariants.FIBERIZE_1, "requests/s")).append('\n')
                .append(tables.failures());
    }
}
