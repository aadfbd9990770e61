package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The JDK's {@code com.sun.net.httpserver.HttpServer} on {@code Executors.newFixedThreadPool(200)}, with
 * handlers that sleep and call a downstream socket, serves 2,000 concurrent {@code HttpURLConnection}
 * clients; under the agent the pool's threads are fibers and the platform threads stay few.
 */
class JdkHttpServerIT {
    private static final int CLIENTS = 2000;

    @Test
    void twoThousandClientsServedByAFixedPoolOfFibers() throws Exception {
        Fiberized runs = Fiberized.runWithLibraries("programs.JdkHttpServerClients", Integer.toString(CLIENTS))
                .sameOutput();
        assertThat(runs.fiberized().stdout()).contains("clients: 2000, right answers: 2000, failed: 0");

        assertThat(runs.fiberizedNumber("requests handled on pool threads:")).isEqualTo(CLIENTS);
        assertThat(runs.fiberizedNumber("peak platform threads:")).isLessThan(30);
        ExitReport report = runs.report();
        // 2,000 clients, 200 pool threads, up to 2,000 downstream handlers, the acceptor and the sampler.
        assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(CLIENTS + 200 + CLIENTS);
        assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report).isZero();
    }
}
