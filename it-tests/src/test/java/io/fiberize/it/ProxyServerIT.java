package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample proxy relays 500 concurrent connections to the echo server byte for byte, passes half-closes
 * on, and reports an unreachable target, the same way plainly and under the agent; under the agent its
 * 1,000 relaying threads are fibers.
 */
class ProxyServerIT {

    private static final String MAIN = "io.fiberize.samples.proxy.ProxyServer";
    private static final String ECHO = "io.fiberize.samples.echo.EchoServer";
    private static final int CONNECTIONS = 500;
    private static final int BYTES_PER_CONNECTION = 64 * 1024;

    private static ServerJvm echo;
    private static SampleServers servers;

    @BeforeAll
    static void startServers() throws Exception {
        echo = ForkedJvm.jdk25().classPath(BuildOutputs.samplesClassPath()).start(ECHO, "--port", "0");
        servers = SampleServers.start(MAIN, "--port", "0", "--target", "localhost:" + echo.port());
    }

    @AfterAll
    static void stopServers() throws Exception {
        try {
            if (servers != null) {
                ExitReport report = servers.stop();
                assertThat(report.get("fibersStarted")).as("relaying threads that were fibers: %s", report)
                        .isGreaterThanOrEqualTo(2 * CONNECTIONS);
            }
        } finally {
            if (echo != null) {
                echo.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void fiveHundredConcurrentConnectionsGetTheirExactBytesBack(RunMode mode) throws Exception {
        CountDownLatch connected = new CountDownLatch(CONNECTIONS);
        CountDownLatch go = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().name("proxy-client-" + i).start(() -> {
                try (Socket socket = connect(mode)) {
                    assertThat(roundTrip(socket, "hello " + id)).isEqualTo("hello " + id);
                    connected.countDown();
                    assertThat(go.await(60, TimeUnit.SECONDS)).isTrue();
                    byte[] sent = new byte[BYTES_PER_CONNECTION];
                    new Random(id).nextBytes(sent);
                    socket.getOutputStream().write(sent);
                    socket.shutdownOutput();
                    assertThat(socket.getInputStream().readAllBytes()).as("echo of connection %d", id).isEqualTo(sent);
                } catch (Throwable e) {
                    failures.add(e);
                    connected.countDown();
                }
            }));
        }
        assertThat(connected.await(60, TimeUnit.SECONDS)).as("all connections relayed").isTrue();
        List<String> osThreads = servers.get(mode).osThreads();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).as("what went wrong in the client threads").isEmpty();
        mode.assertOsThreads(osThreads, CONNECTIONS);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aHalfCloseReachesTheTargetWhileItsAnswerStillComesBack(RunMode mode) throws Exception {
        byte[] sent = new byte[1 << 20];
        new Random(42).nextBytes(sent);
        try (Socket socket = connect(mode)) {
            socket.getOutputStream().write(sent);
            socket.shutdownOutput();
            // The echo server ends its side only once it has read our end of stream, through the proxy.
            assertThat(socket.getInputStream().readAllBytes()).isEqualTo(sent);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void anUnreachableTargetEndsTheClientsConnectionAndIsReported(RunMode mode) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ForkedJvm.Result result;
        try (ServerJvm proxy = mode.jvm().start(MAIN, "--port", "0", "--target", "127.0.0.1:" + closedPort)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                socket.setSoTimeout(RawConnection.READ_TIMEOUT_MILLIS);
                assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
            }
            result = proxy.stop();
        }
        assertThat(result.programErrors()).as("%s", result)
                .containsExactly("proxy: cannot connect to 127.0.0.1:" + closedPort + ": Connection refused");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void badArgumentsAreRefusedInOneLineWithStatus2(RunMode mode) throws Exception {
        ForkedJvm.Result missing = mode.jvm().run(MAIN, "--port", "0");
        assertThat(missing.exitCode()).as("%s", missing).isEqualTo(2);
        assertThat(missing.programErrors()).containsExactly("proxy: --target is required; try --help");

        ForkedJvm.Result bad = mode.jvm().run(MAIN, "--target", "localhost");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(2);
        assertThat(bad.programErrors()).containsExactly(
                "proxy: invalid --target 'localhost': expected HOST:PORT, e.g. localhost:7000; try --help");

        ForkedJvm.Result help = mode.jvm().run(MAIN, "--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.stdout()).startsWith("Usage: ProxyServer --target HOST:PORT [--port N]\n");
    }

    private static Socket connect(RunMode mode) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.get(mode).port());
        socket.setSoTimeout(RawConnection.READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        byte[] answer = new byte[text.length()];
        InputStream in = socket.getInputStream();
        int read = 0;
        while (read < answer.length) {
            int n = in.read(answer, read, answer.length - read);
            assertThat(n).as("bytes echoed").isPositive();
            read += n;
        }
        return new String(answer);
    }
}
