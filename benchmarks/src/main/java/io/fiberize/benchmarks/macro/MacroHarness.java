package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Run the macro benchmarks in sequence (echo, idle connections, HTTP) and write the report and charts.
 *
 * <p>This JVM is the load generator and the idle client; every server runs in a JVM of its own, started
 * fresh for each run. {@code benchmarks/run-macro} is the documented way to start it.
 */
public final class MacroHarness {

    private static final int MILLION = 1_000_000;

    private MacroHarness() {
    }

    /**
     * Run the harness; see {@link HarnessOptions#USAGE} for the arguments.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.print(HarnessOptions.USAGE);
            return;
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.print("macro: " + e.getMessage() + "\n" + HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.agentJar())) {
            fail("the agent jar " + options.agentJar() + " is missing; build it: mvn -B -DskipTests install");
        }
        Path wrk;
        try {
            wrk = Wrk.find();
        } catch (IOException e) {
            fail(e.getMessage());
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServerVariants servers = new ServerVariants(options.agentJar(), System.getProperty("java.class.path"),
                ServerVariants.HEAP);
        Machine machine = Machine.read();
        if (!machine.idleAtStart()) {
            System.err.println("macro: warning: the load averages are " + machine.loadAtStart() + ": the machine is"
                    + " not idle, so the figures will not be comparable (the report says so)");
        }
        Instant started = Instant.now();

        List<Variant> echoVariants = servers.echo();
        EchoBenchmark echo = new EchoBenchmark(java, echoVariants, options);
        Runs echoRuns = echo.run();

        IdleBenchmark idle = new IdleBenchmark(java);
        List<IdleResult> idleResults = idle.run(servers.idle(), options.idleConnections());
        Optional<IdleResult> million = Optional.empty();
        if (options.million()) {
            ServerVariants big = new ServerVariants(options.agentJar(), System.getProperty("java.class.path"),
                    ServerVariants.MILLION_HEAP);
            million = Optional.of(idle.hold(big.millionIdle(), MILLION));
        }

        List<Variant> httpVariants = servers.http();
        HttpBenchmark http = new HttpBenchmark(java, wrk, httpVariants, options);
        Runs httpRuns = http.run();

        MacroResults results = new MacroResults(started, Instant.now(), echo.loads(), labels(echoVariants), echoRuns,
                idleResults, million, http.loads(), labels(httpVariants), httpRuns);
        Path report = new MacroReport(options, machine, ServerVariants.HEAP, results, Machine.loadAverage()).write();
        System.err.println("macro: wrote " + report + " and its charts");
        System.out.print(Files.readString(report));
    }

    private static List<String> labels(List<Variant> variants) {
        return variants.stream().map(Variant::label).toList();
    }

    private static void fail(String message) {
        System.err.println("macro: " + message);
        System.exit(1);
    }
}
