package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code HttpsURLConnection} against the JDK's {@code HttpsServer} with a self-signed certificate: 500 TLS
 * handshakes at once, every answer right, on few platform threads, every wait through the loop.
 */
class HttpsIT {
    private static final int CLIENTS = 500;

    @Test
    void fiveHundredConcurrentHandshakes() throws Exception {
        Fiberized runs = Fiberized.run("programs.HttpsClients", Integer.toString(CLIENTS)).sameOutput();
        assertThat(runs.fiberized().stdout()).contains("TLS clients: 500, right answers: 500, wrong: 0");

        assertThat(runs.fiberizedNumber("peak platform threads:")).isLessThan(30);
        ExitReport report = runs.report();
        assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(CLIENTS);
        assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report).isZero();
    }
}
