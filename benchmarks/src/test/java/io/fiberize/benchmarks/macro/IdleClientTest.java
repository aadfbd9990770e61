package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.samples.process.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleClientTest {

    @Test
    void spreadsConnectionsOverSourceAddresses() throws Exception {
        assertThat(IdleClient.sourceAddress(0)).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(IdleClient.sourceAddress(IdleClient.PER_ADDRESS - 1)).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(IdleClient.sourceAddress(IdleClient.PER_ADDRESS)).isEqualTo(InetAddress.getByName("127.0.0.3"));
    }

    @Test
    void holdsConnectionsThatEachEchoedAByte() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess server = ServerProcess.start(java, List.of(), System.getProperty("java.class.path"),
                NioEchoServer.class.getName(), List.of());
                IdleClient client = new IdleClient()) {
            IdleClient.Outcome outcome = client.open(server.port(), 300, Duration.ofSeconds(10), server::isAlive);
            assertThat(outcome).isEqualTo(new IdleClient.Outcome(300, null));
        }
    }

    @Test
    void saysWhyItStoppedWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (IdleClient client = new IdleClient()) {
            IdleClient.Outcome outcome = client.open(port, 10, Duration.ofSeconds(10), () -> true);
            assertThat(outcome.established()).isZero();
            assertThat(outcome.failure()).contains("failed after 0 established", "refused");
        }
    }
}
