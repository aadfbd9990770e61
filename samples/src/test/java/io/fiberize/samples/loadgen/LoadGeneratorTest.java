package io.fiberize.samples.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.samples.echo.EchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void measuresRoundTripsAgainstTheEchoServer() throws Exception {
        ServerSocket serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread server = Thread.ofPlatform().daemon().start(() -> serve(serverSocket));
        List<IntervalReport> intervals = new ArrayList<>();
        LoadSettings settings = new LoadSettings("127.0.0.1", serverSocket.getLocalPort(), 20, 100,
                Duration.ofMillis(300), Duration.ofMillis(1500), 2);
        LoadReport report;
        try {
            report = new LoadGenerator(settings).run(intervals::add);
        } finally {
            serverSocket.close();
        }

        assertThat(report.roundTrips()).isPositive();
        assertThat(report.roundTripsPerSecond()).isPositive();
        assertThat(report.p50Nanos()).isPositive().isLessThanOrEqualTo(report.p99Nanos());
        assertThat(report.p99Nanos()).isLessThanOrEqualTo(report.maxNanos());
        assertThat(report.measured()).isGreaterThanOrEqualTo(settings.duration());
        assertThat(intervals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(intervals.getFirst().warmup()).isTrue();
        assertThat(intervals.subList(1, intervals.size())).noneMatch(IntervalReport::warmup);
        assertThat(report.summary()).contains("connections     20 (100-byte messages").contains("round trips/s");
        server.join(5000);
        assertThat(server.isAlive()).as("server stopped when its socket closed").isFalse();
    }

    @Test
    void saysWhenItCannotConnect() throws IOException {
        int closedPort;
        try (ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = serverSocket.getLocalPort();
        }
        LoadSettings settings = new LoadSettings("127.0.0.1", closedPort, 3, 32, Duration.ZERO, Duration.ofSeconds(1), 1);

        assertThatThrownBy(() -> new LoadGenerator(settings).run(interval -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not open connection 1 of 3 to ");
    }

    private static void serve(ServerSocket serverSocket) {
        try {
            new EchoServer(serverSocket).serve();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
