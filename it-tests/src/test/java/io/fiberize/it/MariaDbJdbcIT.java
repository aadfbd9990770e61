package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * MariaDB Connector/J, unmodified, in a shaded application jar against a real MariaDB server: 200 threads
 * with a connection each insert, read and update rows of their own in transactions, every socket wait of the
 * driver's own socket code through the loop, on a handful of platform threads.
 */
class MariaDbJdbcIT {
    private static final int THREADS = 200;
    private static final int ROUNDS = 20;

    @Test
    void twoHundredConnectionsRunTransactionsOnFewPlatformThreads() throws Exception {
        MariaDbServer.requireInstalled();
        Path jar = BuildOutputs.appJar("mariadb-client");
        try (MariaDbServer mariadb = MariaDbServer.start("max-connections=" + (THREADS + 100))) {
            Fiberized runs = Fiberized.runJar(jar, mariadb.jdbcUrl(), Integer.toString(THREADS),
                    Integer.toString(ROUNDS)).sameOutput();
            assertThat(runs.fiberized().stdout()).isEqualTo("""
                    threads: 200, rounds: 20, statements: 28000
                    rounds right: 4000 of 4000, wrong: 0
                    rows: 4000, sum of balances: 8036000
                    all right
                    """);

            // Stalls and compensations are printed below, not asserted: a machine short of CPU makes
            // the watchdog report loops that merely waited for one.
            ExitReport report = runs.report();
            assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report)
                    .isZero();
            assertThat(report.get("fibersStarted")).as("%s", report).isEqualTo(THREADS);

            long plainThreads = runs.plainNumber("peak platform threads:");
            long fiberizedThreads = runs.fiberizedNumber("peak platform threads:");
            assertThat(plainThreads).isGreaterThan(THREADS);
            assertThat(fiberizedThreads).isLessThan(30);
            long plainRate = runs.plainNumber("statements/s:");
            long fiberizedRate = runs.fiberizedNumber("statements/s:");
            System.out.printf("MariaDB Connector/J: statements/s plainly %d, under the agent %d (%.2fx);"
                    + " peak platform threads %d and %d; %s%n", plainRate, fiberizedRate,
                    (double) fiberizedRate / plainRate, plainThreads, fiberizedThreads, report);
        }
    }
}
