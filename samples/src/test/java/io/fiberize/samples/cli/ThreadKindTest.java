package io.fiberize.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadKindTest {

    @Test
    void readsTheThreadsOption() throws BadArgumentException {
        assertThat(ThreadKind.from(Arguments.parse(new String[0], List.of("threads")))).isEqualTo(ThreadKind.PLATFORM);
        assertThat(ThreadKind.from(Arguments.parse(new String[] {"--threads", "virtual"}, List.of("threads"))))
                .isEqualTo(ThreadKind.VIRTUAL);
        assertThatThrownBy(() -> ThreadKind.from(Arguments.parse(new String[] {"--threads", "green"}, List.of("threads"))))
                .isInstanceOf(BadArgumentException.class)
                .hasMessage("invalid --threads 'green': platform or virtual");
    }

    @Test
    void servesEachConnectionOnAPlatformThreadNamedAfterIt() throws Exception {
        Thread handler = handlerThread(ThreadKind.PLATFORM);
        assertThat(handler.isVirtual()).isFalse();
        assertThat(handler.getName()).isEqualTo("test-1");
    }

    @Test
    void servesEachConnectionOnAVirtualThread() throws Exception {
        assertThat(handlerThread(ThreadKind.VIRTUAL).isVirtual()).isTrue();
    }

    private static Thread handlerThread(ThreadKind kind) throws Exception {
        CompletableFuture<Thread> handler = new CompletableFuture<>();
        try (ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Acceptor.serve(serverSocket, kind, "test", socket -> () -> handler.complete(Thread.currentThread()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Socket client = new Socket(serverSocket.getInetAddress(), serverSocket.getLocalPort())) {
                return handler.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
