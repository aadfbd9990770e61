package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL JDBC driver, unmodified, against a real PostgreSQL server: 500 threads with a connection
 * each run queries and a transaction that waits 50 ms in the server, on a handful of platform threads,
 * every socket wait through the loop.
 */
class PostgresJdbcIT {
    private static final int THREADS = 500;

    @Test
    void fiveHundredConnectionsQueryAndCommitOnFewPlatformThreads() throws Exception {
        PostgresServer.requireInstalled();
        try (PostgresServer postgres = PostgresServer.start("max_connections=" + (THREADS + 100))) {
            Fiberized runs = Fiberized.runWithLibraries("programs.PostgresClients", postgres.jdbcUrl(),
                    Integer.toString(THREADS)).sameOutput();
            assertThat(runs.fiberized().stdout()).contains(
                    "right query results: 500 of 500",
                    "committed transactions: 500 of 500",
                    "rows with balance 1: 500, sum: 500");

            assertThat(runs.plain().stderr()).containsPattern("platform threads with all connections open: \\d{3,}");
            assertThat(runs.fiberizedNumber("platform threads with all connections open:")).isLessThan(30);
            ExitReport report = runs.report();
            assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(THREADS);
            assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report)
                    .isZero();
        }
    }
}
