package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.samples.process.ServerProcess;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start each event-loop peer as the harness does, in a JVM of its own, and check that it echoes: a short
 * message, and a megabyte sent without reading, which the server can only write back in part at a time.
 */
class EchoPeersTest {

    @ParameterizedTest
    @ValueSource(classes = {NioEchoServer.class, NettyEchoServer.class})
    void echoesShortAndLongMessages(Class<?> server) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess process = ServerProcess.start(java, List.of("--enable-native-access=ALL-UNNAMED"),
                System.getProperty("java.class.path"), server.getName(), List.of());
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), process.port())) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write("hello".getBytes());
            byte[] hello = new byte[5];
            in.readFully(hello);
            assertThat(new String(hello)).isEqualTo("hello");

            byte[] big = new byte[1 << 20];
            new Random(6).nextBytes(big);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(big);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] back = new byte[big.length];
            in.readFully(back);
            sent.join();
            assertThat(back).isEqualTo(big);
        }
    }
}
