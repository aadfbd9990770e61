package io.fiberize.runtime.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileDescriptor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backlog a listening socket gets: raised to {@code somaxconn}, never lowered, and left alone
 * while the runtime does not run (as in these tests).
 */
class ListenHooksTest {

    @Test
    void raisesEveryRequestBelowSomaxconnAndLowersNone() {
        assertThat(ListenHooks.raised(50, 4096)).isEqualTo(4096);
        assertThat(ListenHooks.raised(1, 4096)).isEqualTo(4096);
        assertThat(ListenHooks.raised(4096, 4096)).isEqualTo(4096);
        assertThat(ListenHooks.raised(10_000, 4096)).isEqualTo(10_000);
    }

    @Test
    void leavesTheRequestAloneWhileTheRuntimeDoesNotRun() {
        assertThat(ListenHooks.backlog(50)).isEqualTo(50);
        assertThat(ListenHooks.backlog(7)).isEqualTo(7);
    }

    @Test
    void readsSomaxconnFromTheSystem() {
        assertThat(ListenHooks.somaxconn(Path.of("/proc/sys/net/core/somaxconn"))).isPositive()
                .as("not the first byte alone").isGreaterThan(9);
    }

    @Test
    void fallsBackToTheKernelDefaultWhenSomaxconnCannotBeRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("garbled"), "many\n");
        Files.writeString(dir.resolve("zero"), "0\n");
        Files.writeString(dir.resolve("empty"), "");
        Files.writeString(dir.resolve("given"), "1024\n");

        assertThat(ListenHooks.somaxconn(dir.resolve("missing"))).isEqualTo(ListenHooks.DEFAULT_SOMAXCONN);
        assertThat(ListenHooks.somaxconn(dir.resolve("garbled"))).isEqualTo(ListenHooks.DEFAULT_SOMAXCONN);
        assertThat(ListenHooks.somaxconn(dir.resolve("zero"))).isEqualTo(ListenHooks.DEFAULT_SOMAXCONN);
        assertThat(ListenHooks.somaxconn(dir.resolve("empty"))).isEqualTo(ListenHooks.DEFAULT_SOMAXCONN);
        assertThat(ListenHooks.somaxconn(dir.resolve("given"))).isEqualTo(1024);
    }

    @Test
    void listensThroughTheJdk() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Method getFd = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFD");
            getFd.setAccessible(true);

            // Linux lets a listening socket listen again, with a new backlog.
            ListenHooks.listen((FileDescriptor) getFd.invoke(server), 7);

            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 SocketChannel accepted = server.accept()) {
                assertThat(accepted.getRemoteAddress()).isEqualTo(client.getLocalAddress());
            }
        }
    }
}
