package io.fiberize.benchmarks.macro;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Hold what one harness invocation runs: loads, repetitions, durations, and where things are.
 *
 * @param repetitions runs of every variant under every load; medians are over these
 * @param sizes echo message sizes, in bytes
 * @param connections echo connection counts
 * @param warmup load applied before each measured window, not measured
 * @param duration each measured window
 * @param idleConnections idle connections held per variant
 * @param million whether to try a million idle connections on fiberize
 * @param httpConnections wrk connection counts
 * @param agentJar the fiberize agent jar
 * @param outputDirectory where the report and charts go
 * @param command the command line that ran the harness, for the report
 */
record HarnessOptions(int repetitions, List<Integer> sizes, List<Integer> connections, Duration warmup,
        Duration duration, int idleConnections, boolean million, List<Integer> httpConnections, Path agentJar,
        Path outputDirectory, String command) {

    /** Describe the options {@link #parse} reads, for the usage text. */
    static final String USAGE = """
            Usage: benchmarks/run-macro [--quick] [--reps N] [--million]
            Runs the echo, idle-connection and HTTP benchmarks and writes benchmarks/results/macro.md and its
            SVG charts. The machine must be otherwise idle.
              --quick         a smoke run: 1 repetition, 200 connections, 1 s warm-up, 2 s measured,
                              1,000 idle connections, HTTP at 100 connections only
              --reps N        repetitions of every run (default 3; --quick: 1)
              --million       also try 1,000,000 idle connections on fiberize (needs well over 16 GB of
                              memory, and an open-files limit of a million)
            run-macro passes these to MacroHarness too:
              --agent JAR     the fiberize agent jar (agent/target/fiberize.jar)
              --out DIR       where macro.md and the SVG charts are written
              --command TEXT  the command line to print in the report
            """;

    /**
     * Read the options from the command line.
     *
     * @throws IllegalArgumentException with a one-line message if they are not valid
     */
    static HarnessOptions parse(String[] args) {
        boolean quick = false;
        boolean million = false;
        Integer repetitions = null;
        Path agentJar = null;
        Path out = null;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--million" -> million = true;
                case "--reps" -> repetitions = positive("--reps", value(args, ++i, "--reps"));
                case "--agent" -> agentJar = Path.of(value(args, ++i, "--agent"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--command" -> command = value(args, ++i, "--command");
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (agentJar == null || out == null) {
            throw new IllegalArgumentException("--agent and --out are required");
        }
        if (command == null) {
            command = "MacroHarness " + String.join(" ", args);
        }
        if (quick) {
            return new HarnessOptions(repetitions == null ? 1 : repetitions, List.of(32, 4096), List.of(200),
                    Duration.ofSeconds(1), Duration.ofSeconds(2), 1_000, million, List.of(100), agentJar, out,
                    command);
        }
        return new HarnessOptions(repetitions == null ? 3 : repetitions, List.of(32, 4096),
                List.of(200, 2_000, 10_000), Duration.ofSeconds(5), Duration.ofSeconds(10), 100_000, million,
                List.of(100, 1_000), agentJar, out, command);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid " + option + " '" + value + "': expected a number above 0");
    }
}
