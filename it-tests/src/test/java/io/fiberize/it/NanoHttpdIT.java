package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A NanoHTTPD app, unmodified, serves a file and a form to 1,000 concurrent {@code HttpURLConnection}
 * clients; NanoHTTPD's thread per connection and the clients' threads run on few platform threads.
 */
class NanoHttpdIT {
    private static final int CLIENTS = 1000;

    @Test
    void thousandClientsGetTheFileAndTheForm() throws Exception {
        Fiberized runs = Fiberized.runWithLibraries("programs.NanoHttpdApp", Integer.toString(CLIENTS)).sameOutput();
        assertThat(runs.fiberized().stdout()).contains("clients: 1000, right answers: 3000 of 3000, wrong: 0");

        assertThat(runs.plain().stderr()).containsPattern("peak platform threads: \\d{3,}");
        assertThat(runs.fiberizedNumber("peak platform threads:")).isLessThan(30);
        ExitReport report = runs.report();
        // 1,000 clients and NanoHTTPD's thread per connection (HttpURLConnection keeps connections alive).
        assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(CLIENTS + 1);
        assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report).isZero();
    }
}
