package io.fiberize.samples.demo;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import io.fiberize.samples.loadgen.LoadGenerator;
import io.fiberize.samples.loadgen.LoadReport;
import io.fiberize.samples.loadgen.LoadSettings;
import io.fiberize.samples.process.ProcessStatus;
import io.fiberize.samples.process.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Show what the agent changes: run the same unmodified server with and without it, under the same load.
 *
 * <p>The demo's name picks the server and the load ({@link Scenario}): echo, http, kv or chat. Each
 * server runs in a JVM of its own; the load comes from this JVM ({@link LoadGenerator}), over loopback.
 * While the load runs, the server's OS threads and resident memory are read from {@code /proc}. Child
 * JVMs are ended when the demo ends, however it ends.
 */
public final class Demo {

    private static final Scenario DEFAULT_SCENARIO = Scenario.ECHO;
    private static final List<String> OPTIONS = List.of("agent", "connections", "size", "warmup", "duration");

    private static final String USAGE = """
            Usage: Demo [echo|http|kv|chat] [options]
            Runs the same unmodified sample server twice, with and without the fiberize agent, under the
            same load from this JVM, and prints the two side by side:
              echo    a thread-per-connection echo server; each connection sends a message, awaits its echo
              http    a thread-per-connection HTTP/1.1 server; keep-alive GET /hello
              kv      a thread-per-connection memcached-protocol server; 9 gets to 1 set
              chat    a chat server, two threads per client; in rounds, a line from each client to all others
            Options:
              --agent PATH       the agent jar (default agent/target/fiberize.jar)
              --connections N    connections held open (default: echo 10000, http 1000, kv 1000, chat 200)
              --size N           bytes per message, value or line (default 32)
              --warmup D         time spent loading before measuring (default 2s)
              --duration D       time measured for each server (default 10s)
            """;

    private Demo() {
    }

    /**
     * Run the demo named by the first argument ({@code echo} if none), with its options.
     */
    public static void main(String[] args) throws InterruptedException {
        boolean named = args.length > 0 && !args[0].startsWith("-");
        Scenario scenario = DEFAULT_SCENARIO;
        LoadSettings load;
        Path agent;
        try {
            if (named) {
                scenario = scenario(args[0]);
            }
            Arguments arguments = Arguments.parse(named ? Arrays.copyOfRange(args, 1, args.length) : args, OPTIONS);
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            agent = Path.of(arguments.text("agent", "agent/target/fiberize.jar")).toAbsolutePath();
            if (!Files.isRegularFile(agent)) {
                throw new BadArgumentException("no agent jar at " + agent + " (build it with: mvn -DskipTests package)");
            }
            int threads = Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 4);
            int fewestConnections = scenario == Scenario.CHAT ? 2 : 1;
            load = new LoadSettings(scenario.protocol(), "127.0.0.1", 0,
                    arguments.number("connections", scenario.defaultConnections(), fewestConnections, 100_000),
                    arguments.number("size", 32, 1, 65536),
                    arguments.duration("warmup", Duration.ofSeconds(2)),
                    arguments.duration("duration", Duration.ofSeconds(10)),
                    threads, "");
        } catch (BadArgumentException e) {
            System.err.println("demo: " + e.getMessage() + "; try --help");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        try {
            run(scenario, agent, load);
        } catch (IOException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Scenario scenario(String name) throws BadArgumentException {
        for (Scenario scenario : Scenario.values()) {
            if (scenario.toString().equals(name)) {
                return scenario;
            }
        }
        throw new BadArgumentException("unknown demo '" + name + "'; the demos are: " + Scenario.names());
    }

    private static void run(Scenario scenario, Path agent, LoadSettings load)
            throws IOException, InterruptedException {
        List<ServerSetup> setups = List.of(
                new ServerSetup("with fiberize", List.of("-javaagent:" + agent)),
                new ServerSetup("without fiberize", List.of()));
        System.out.printf("""
                fiberize demo %s: one unmodified %s (%s),
                run with and without -javaagent:fiberize.jar under the same load: %d connections on 127.0.0.1,
                %s, %s warmup then %s measured, load from this JVM (NIO threads: %d).

                """, scenario, scenario.description(), scenario.serverClass(), load.connections(),
                load.protocol().workload(load), seconds(load.warmup()), seconds(load.duration()), load.threads());
        List<Measurement> measurements = new ArrayList<>();
        for (ServerSetup setup : setups) {
            measurements.add(measure(scenario, setup, load));
        }
        System.out.println();
        System.out.print(ComparisonTable.format(measurements));
        Measurement fiberized = measurements.getFirst();
        if (fiberized.peak().threads() >= fiberized.load().connections()) {
            System.out.println();
            System.out.println("Note: with the agent the server still used about one OS thread per connection:"
                    + " its connections were not fiberized (see the agent's messages above, if any).");
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1e3);
    }

    private static Measurement measure(Scenario scenario, ServerSetup setup, LoadSettings load)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess server = ServerProcess.start(java, setup.jvmOptions(),
                System.getProperty("java.class.path"), scenario.serverClass(), List.of())) {
            server.sample();
            LoadReport report = new LoadGenerator(load.withPort(server.port())).run(interval -> {
                ProcessStatus now = server.sample();
                System.err.printf("%-18s %s   server: %s threads, %s%n",
                        setup.label(), interval.line(), now.threadsText(), now.rssText());
            });
            return new Measurement(setup, report, server.peak());
        }
    }
}
