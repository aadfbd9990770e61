package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * gRPC-java on its Netty transport ({@code apps/grpc-service}, one shaded jar): a server, and a client making
 * blocking-stub calls from 500 plain threads, each checking every answer; run plainly, both under the agent,
 * and each under the agent facing the other plainly. The answers are the same every way, Netty's event loops
 * stay platform threads on both sides, and the fiberized side keeps few OS threads.
 *
 * <p>The blocking stub parks the calling thread in gRPC's {@code ThreadlessExecutor} ({@code
 * LockSupport.park}); a Netty event-loop thread, a platform thread, unparks it when the answer arrives, so under
 * the agent each answer reaches its fiber as a foreign resume through the loop's inbox.
 *
 * <p>No stall report may say that something held a carrier; those that say the carrier computed or waited for a
 * CPU are counted and printed, since two JVMs and their compilers share two cores here, and so are those of
 * loading gRPC's and Netty's classes at the first calls: defining classes is CPU work done in one fiber's turn,
 * and a fiber pinned by the native frame of {@code ClassLoader.defineClass1} (a class that needs its superclass
 * loaded) parks its carrier while the agent offloads the jar reads, so the watchdog may report the loop stalled
 * and hand it to a compensating carrier; each compensation must be one of those.
 */
class GrpcIT {
    private static final Path JAR = BuildOutputs.appJar("grpc-service");
    private static final int THREADS = 500;
    private static final int CALLS = 40;
    private static final String ALL_RIGHT =
            "answers right: " + THREADS * CALLS + " of " + THREADS * CALLS + ", wrong: 0, failed: 0";
    private static final String NETTY_LEFT_ALONE =
            "threads of io.netty.util.concurrent.FastThreadLocalThread (Netty) stay platform threads";
    private static final Pattern PEAK_OS_THREADS = Pattern.compile("peak OS threads: (\\d+)");
    private static final Pattern CALLS_PER_SECOND = Pattern.compile("calls/s: (\\d+)");
    private static final Pattern MEASUREMENT = Pattern.compile("[a-zA-Z/ ]+: \\d+");

    @Test
    void fiveHundredBlockingStubsGetTheSameAnswersWithBothSidesUnderTheAgent() throws Exception {
        Run plain = Run.of(false, false);
        Run fiberized = Run.of(true, true);

        assertThat(plain.client().stdout()).as("%s", plain.client()).contains(ALL_RIGHT);
        assertThat(fiberized.client().stdout()).as("answers under the agent").isEqualTo(plain.client().stdout());
        assertThat(fiberized.server().stdout()).contains("calls answered: " + THREADS * CALLS);
        fiberized.assertFiberizedSidesBehave();

        int plainClientThreads = number(plain.client(), PEAK_OS_THREADS);
        int fiberizedClientThreads = number(fiberized.client(), PEAK_OS_THREADS);
        assertThat(plainClientThreads).as("the plain client's OS threads: one per caller").isGreaterThan(THREADS);
        assertThat(fiberizedClientThreads).as("the fiberized client's OS threads").isLessThan(RunMode.FEW_OS_THREADS);
        assertThat(fiberized.serverOsThreads()).as("the fiberized server's OS threads")
                .hasSizeLessThan(RunMode.FEW_OS_THREADS);
        assertThat(ExitReport.of(fiberized.client()).get("fibersStarted")).as("the callers, fibers")
                .isGreaterThanOrEqualTo(THREADS);

        int plainRate = number(plain.client(), CALLS_PER_SECOND);
        int fiberizedRate = number(fiberized.client(), CALLS_PER_SECOND);
        System.out.printf("gRPC %d blocking-stub threads: calls/s plain %d, fiberized %d (ratio %.2f);"
                        + " client OS threads (peak) %d / %d; server OS threads (peak) %d / %d;"
                        + " client exit report: %s; server exit report: %s%n",
                THREADS, plainRate, fiberizedRate, (double) fiberizedRate / plainRate,
                plainClientThreads, fiberizedClientThreads, plain.serverOsThreads().size(),
                fiberized.serverOsThreads().size(), ExitReport.of(fiberized.client()),
                ExitReport.of(fiberized.server()));
    }

    @Test
    void aFiberizedSideTalksToAPlainOneEitherWayRound() throws Exception {
        Run plainServer = Run.of(false, true);
        Run plainClient = Run.of(true, false);

        assertThat(plainServer.client().stdout()).as("%s", plainServer.client()).contains(ALL_RIGHT);
        assertThat(plainClient.client().stdout()).as("the same answers")
                .isEqualTo(plainServer.client().stdout());
        plainServer.assertFiberizedSidesBehave();
        plainClient.assertFiberizedSidesBehave();
        System.out.printf("gRPC mixed: calls/s fiberized client to plain server %d, plain client to fiberized"
                        + " server %d%n", number(plainServer.client(), CALLS_PER_SECOND),
                number(plainClient.client(), CALLS_PER_SECOND));
    }

    private static int number(ForkedJvm.Result run, Pattern pattern) {
        Matcher matcher = pattern.matcher(run.stderr());
        assertThat(matcher.find()).as("%s in %s", pattern, run).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * One server and one client run, each plainly or under {@code log=info}.
     *
     * @param server           the server, stopped after the client ended
     * @param serverOsThreads  the server's OS threads at their peak while the client ran
     * @param client           the client
     * @param serverFiberized  whether the server ran under the agent
     * @param clientFiberized  whether the client ran under the agent
     */
    private record Run(ForkedJvm.Result server, List<String> serverOsThreads, ForkedJvm.Result client,
                       boolean serverFiberized, boolean clientFiberized) {

        static Run of(boolean serverFiberized, boolean clientFiberized) throws Exception {
            try (ServerJvm server = jvm(serverFiberized).startJar(JAR, "server", "0")) {
                ForkedJvm.Result client;
                List<String> serverOsThreads;
                try (PeakOsThreads peak = PeakOsThreads.of(server)) {
                    client = jvm(clientFiberized).runJar(JAR, "client", "127.0.0.1", Integer.toString(server.port()),
                            Integer.toString(THREADS), Integer.toString(CALLS));
                    serverOsThreads = peak.peak();
                }
                assertThat(client.exitCode()).as("%s", client).isZero();
                ForkedJvm.Result stopped = server.stop();
                assertThat(stopped.stdout()).as("%s", stopped).contains("calls answered: " + THREADS * CALLS);
                return new Run(stopped, serverOsThreads, client, serverFiberized, clientFiberized);
            }
        }

        private static ForkedJvm jvm(boolean fiberized) {
            return fiberized ? ForkedJvm.jdk25().agent("log=info") : ForkedJvm.jdk25();
        }

        /**
         * Assert of each side under the agent: Netty's loops left alone, no error, no report of a carrier held
         * but while loading classes, and each compensation reported with its stall.
         */
        void assertFiberizedSidesBehave() {
            for (ForkedJvm.Result side : fiberizedSides()) {
                assertThat(side.agentLines()).as("%s", side).anyMatch(line -> line.contains(NETTY_LEFT_ALONE));
                assertThat(side.programErrors()).as("%s", side)
                        .allMatch(line -> MEASUREMENT.matcher(line).matches());
                assertThat(side.stderr()).as("instrumentation errors").doesNotContain("could not rewrite");
                assertThat(side.stallReportsOfABlockedCarrier()).as("stall reports of %s", side.command())
                        .isEmpty();
                List<StallReport> stalls = side.stallReports();
                ExitReport report = ExitReport.of(side);
                assertThat(report.get("compensations")).as("compensations, each reported with its stall: %s", report)
                        .isEqualTo(stalls.stream().filter(StallReport::compensated).count());
                assertThat(report.get("jdkHelperResumes")).as("%s", report).isZero();
                System.out.printf("gRPC %s under the agent: %d stall reports (computing, starved or loading classes): %s%n",
                        side == client ? "client" : "server", stalls.size(),
                        stalls.stream().map(StallReport::summary).toList());
            }
        }

        private List<ForkedJvm.Result> fiberizedSides() {
            if (serverFiberized && clientFiberized) {
                return List.of(server, client);
            }
            return serverFiberized ? List.of(server) : clientFiberized ? List.of(client) : List.of();
        }
    }
}
