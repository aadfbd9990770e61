package io.fiberize.samples.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.samples.chat.ChatServer;
import io.fiberize.samples.cli.Acceptor;
import io.fiberize.samples.cli.ThreadKind;
import io.fiberize.samples.echo.EchoServer;
import io.fiberize.samples.http.HttpServer;
import io.fiberize.samples.kv.KvServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void measuresRoundTripsAgainstTheEchoServer() throws Exception {
        ServerSocket serverSocket = listen();
        Thread server = Thread.ofPlatform().daemon().start(() -> serve(() -> new EchoServer(serverSocket).serve()));
        List<IntervalReport> intervals = new ArrayList<>();
        LoadSettings settings = settings(Protocol.ECHO, serverSocket, 20, 100, Duration.ofMillis(1500));
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
        assertThat(report.summary()).contains("connections     20 (100-byte messages, one in flight each)")
                .contains("round trips/s");
        server.join(5000);
        assertThat(server.isAlive()).as("server stopped when its socket closed").isFalse();
    }

    @Test
    void speaksHttpToTheHttpServer() throws Exception {
        ServerSocket serverSocket = listen();
        Thread.ofPlatform().daemon().start(() -> serve(() -> new HttpServer(serverSocket, null).serve()));

        assertRoundTrips(settings(Protocol.HTTP, serverSocket, 20, 32, Duration.ofMillis(500)), serverSocket,
                "keep-alive GET /hello, one in flight each");
    }

    @Test
    void speaksMemcachedToTheKvServer() throws Exception {
        ServerSocket serverSocket = listen();
        Thread.ofPlatform().daemon().start(() -> serve(() -> new KvServer(serverSocket).serve()));

        assertRoundTrips(settings(Protocol.KV, serverSocket, 20, 100, Duration.ofMillis(500)), serverSocket,
                "9 gets to 1 set of a 100-byte value, one in flight each");
    }

    @Test
    void chatsInRoundsWithTheChatServer() throws Exception {
        ServerSocket serverSocket = listen();
        Thread.ofPlatform().daemon().start(() -> serve(() -> new ChatServer(serverSocket).serve()));

        assertRoundTrips(settings(Protocol.CHAT, serverSocket, 10, 40, Duration.ofMillis(500)), serverSocket,
                "in rounds, a 40-byte line from each client to the 9 others");
    }

    @Test
    void connectsFromTheSourceAddressItIsGiven() throws Exception {
        ServerSocket serverSocket = listen();
        List<InetAddress> peers = new CopyOnWriteArrayList<>();
        Thread.ofPlatform().daemon().start(() -> serve(() -> Acceptor.serve(serverSocket, ThreadKind.PLATFORM, "echo",
                socket -> () -> {
                    peers.add(socket.getInetAddress());
                    try (socket) {
                        socket.getInputStream().transferTo(socket.getOutputStream());
                    } catch (IOException e) {
                        // The load generator closed the connection.
                    }
                })));
        LoadSettings settings = new LoadSettings(Protocol.ECHO, "127.0.0.1", serverSocket.getLocalPort(), 2, 8,
                Duration.ZERO, Duration.ofMillis(300), 1, "127.0.0.3");

        assertRoundTrips(settings, serverSocket, "8-byte messages, one in flight each");
        assertThat(peers).containsOnly(InetAddress.getByName("127.0.0.3")).hasSize(2);
    }

    @Test
    void saysWhenItCannotConnect() throws IOException {
        int closedPort;
        try (ServerSocket serverSocket = listen()) {
            closedPort = serverSocket.getLocalPort();
        }
        LoadSettings settings = new LoadSettings(Protocol.ECHO, "127.0.0.1", closedPort, 3, 32, Duration.ZERO,
                Duration.ofSeconds(1), 1, "");

        assertThatThrownBy(() -> new LoadGenerator(settings).run(interval -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not open connection 1 of 3 to ");
    }

    @Test
    void saysWhenTheServerAnswersWrongly() throws Exception {
        ServerSocket serverSocket = listen();
        Thread.ofPlatform().daemon().start(() -> serve(() -> new HttpServer(serverSocket, null).serve()));
        LoadSettings settings = settings(Protocol.KV, serverSocket, 1, 8, Duration.ofMillis(500));

        try {
            assertThatThrownBy(() -> new LoadGenerator(settings).run(interval -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("unexpected reply");
        } finally {
            serverSocket.close();
        }
    }

    private static void assertRoundTrips(LoadSettings settings, ServerSocket serverSocket, String workload)
            throws Exception {
        LoadReport report;
        try {
            report = new LoadGenerator(settings).run(interval -> { });
        } finally {
            serverSocket.close();
        }
        assertThat(report.roundTrips()).isPositive();
        assertThat(report.workload()).isEqualTo(workload);
    }

    private static LoadSettings settings(Protocol protocol, ServerSocket serverSocket, int connections, int size,
            Duration duration) {
        return new LoadSettings(protocol, "127.0.0.1", serverSocket.getLocalPort(), connections, size,
                Duration.ofMillis(200), duration, 2, "");
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    }

    private static void serve(Server server) {
        try {
            server.serve();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Serve until the server socket is closed, as each sample server's {@code serve()} does.
     */
    private interface Server {
        void serve() throws IOException;
    }
}
