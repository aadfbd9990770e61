package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A thread-per-connection echo server holds 2,000 open connections on a handful of platform
 * threads, echoes every byte, and its socket waits all go through the loop: the JDK's own poller
 * threads never start.
 */
class ThreadPerConnectionIT {

    @Test
    void twoThousandConnectionsEchoExactlyOnFewPlatformThreads() throws Exception {
        Fiberized runs = Fiberized.run("programs.EchoRoundTrips", "2000").sameOutput();
        assertThat(runs.fiberized().stdout()).contains("echoed bytes: 141330000 of 141330000, wrong: 0")
                .as("fibers wait on the loop; the JDK's poller is never started").contains("JDK socket poller threads: 0");

        assertThat(runs.fiberizedNumber("platform threads with all connections open:")).isLessThan(30);
        ExitReport report = runs.report();
        // 2,000 handlers, 2,000 clients, the acceptor and the launcher.
        assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(4002);
        assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report).isZero();
    }
}
