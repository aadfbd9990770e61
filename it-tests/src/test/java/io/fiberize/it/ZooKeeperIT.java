package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache ZooKeeper's classic Java client, unmodified, against a real standalone ZooKeeper server in a JVM of
 * its own: 200 sessions, each on a plain thread with the client's own SendThread and EventThread, create
 * ephemeral nodes, watch each other's data and the group's children, and see the nodes of closed sessions
 * vanish; under the agent every one of those threads is a fiber.
 */
class ZooKeeperIT {
    private static final int SESSIONS = 200;
    private static final int ROUNDS = 20;
    private static final String OPERATIONS_PER_SECOND = "operations per second:";
    private static final String PEAK_THREADS = "peak live threads:";

    @Test
    void twoHundredSessionsWatchEachOtherAndSeeEphemeralNodesVanish(@TempDir Path dataDir) throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().startJar(BuildOutputs.appJar("zookeeper-server"),
                dataDir.toString())) {
            Fiberized runs = Fiberized.runJar(BuildOutputs.appJar("zookeeper-client"),
                    Integer.toString(server.port()), Integer.toString(SESSIONS), Integer.toString(ROUNDS))
                    .sameOutput();
            assertThat(runs.fiberized().stdout()).contains(
                    "sessions connected: 200 of 200",
                    "ephemeral nodes created: 200 of 200",
                    "data watches that fired with the neighbour's new data: 4000 of 4000",
                    "children lists with every member: 200 of 200",
                    "odd sessions closed: 100 of 100",
                    "their nodes' deletions seen by the even neighbour: 100 of 100",
                    "child watches fired on the even sessions: 100 of 100",
                    "children lists with only the even members: 100 of 100",
                    "deletions seen by the observer session: 200 of 200",
                    "children left after every session closed: 0",
                    "failures: 0");
            for (ForkedJvm.Result run : new ForkedJvm.Result[] {runs.plain(), runs.fiberized()}) {
                assertThat(run.programErrors()).as("ZooKeeper's warnings and errors in %s", run)
                        .allMatch(line -> line.startsWith(OPERATIONS_PER_SECOND) || line.startsWith(PEAK_THREADS));
            }

            // Stalls and compensations are printed below, not asserted: a machine short of CPU makes
            // the watchdog report loops that merely waited for one.
            ExitReport report = runs.report();
            assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report)
                    .isZero();
            // Each member thread and each session's SendThread and EventThread, the observer's included.
            assertThat(report.get("fibersStarted")).as("%s", report).isGreaterThanOrEqualTo(3L * SESSIONS + 2);

            long plainThreads = runs.plainNumber(PEAK_THREADS);
            long fiberizedThreads = runs.fiberizedNumber(PEAK_THREADS);
            assertThat(plainThreads).isGreaterThanOrEqualTo(3L * SESSIONS);
            assertThat(fiberizedThreads).isLessThan(SESSIONS / 2);

            long plainRate = runs.plainNumber(OPERATIONS_PER_SECOND);
            long fiberizedRate = runs.fiberizedNumber(OPERATIONS_PER_SECOND);
            System.out.printf("ZooKeeper, %d sessions: operations per second plain %d, fiberized %d (ratio %.2f);"
                    + " peak live threads plain %d, fiberized %d; %s%n", SESSIONS, plainRate, fiberizedRate,
                    (double) fiberizedRate / plainRate, plainThreads, fiberizedThreads, report);
        }
    }
}
