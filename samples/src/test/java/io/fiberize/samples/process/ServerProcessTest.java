package io.fiberize.samples.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

    /**
     * Stand in for a server: say where it listens, then wait; on SIGTERM, write a last line to standard error.
     */
    public static final class Farewell {
        /** Run the stand-in. */
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("at exit: bye")));
            System.err.println("starting");
            System.out.println("listening on 4242");
            Thread.sleep(60_000);
        }
    }

    @Test
    void keepsWhatTheServerWritesToStandardErrorUpToItsShutdownHooks() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServerProcess server = ServerProcess.start(java, List.of(), System.getProperty("java.class.path"),
                Farewell.class.getName(), List.of());
        assertThat(server.port()).isEqualTo(4242);
        assertThat(server.isAlive()).isTrue();

        server.close();

        assertThat(server.isAlive()).isFalse();
        assertThat(server.errorLines()).containsSubsequence("starting", "at exit: bye");
    }
}
