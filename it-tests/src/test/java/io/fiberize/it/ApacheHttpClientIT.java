package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient 4 (classic, {@code PoolingHttpClientConnectionManager}) and {@code HttpURLConnection},
 * unmodified: 1,000 threads make requests to a local server at once, on few platform threads.
 */
class ApacheHttpClientIT {
    private static final int THREADS = 1000;

    @Test
    void thousandThreadsShareAPooledClient() throws Exception {
        Fiberized runs = Fiberized.runWithLibraries("programs.ApacheHttpClients", Integer.toString(THREADS))
                .sameOutput();
        assertThat(runs.fiberized().stdout()).contains("threads: 1000, right answers: 5000 of 5000, wrong: 0");

        assertThat(runs.fiberizedNumber("peak platform threads:")).isLessThan(30);
        ExitReport report = runs.report();
        assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(THREADS);
        assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report).isZero();
    }
}
