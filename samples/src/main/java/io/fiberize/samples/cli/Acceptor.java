package io.fiberize.samples.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Accept connections and hand each to the server, which starts the threads that serve it.
 */
public final class Acceptor {

    /**
     * Take one accepted connection: start its threads.
     */
    public interface Connections {
        /** Serve {@code socket}, the {@code id}th connection accepted (from 1). */
        void accepted(Socket socket, long id) throws IOException;
    }

    private Acceptor() {
    }

    /**
     * Accept connections on {@code serverSocket} and serve each with the handler {@code handlers} makes for
     * it, on a thread of its own of the given kind: a platform thread named {@code <name>-<id>}, or a virtual
     * thread from a per-task executor.
     */
    public static void serve(ServerSocket serverSocket, ThreadKind threads, String name,
            Function<Socket, Runnable> handlers) throws IOException {
        switch (threads) {
            case PLATFORM -> serve(serverSocket,
                    (socket, id) -> new Thread(handlers.apply(socket), name + "-" + id).start());
            case VIRTUAL -> {
                try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    serve(serverSocket, (socket, id) -> executor.execute(handlers.apply(socket)));
                }
            }
        }
    }

    /**
     * Accept connections on {@code serverSocket} (with Nagle's algorithm off) and pass them on,
     * until the server socket is closed.
     */
    public static void serve(ServerSocket serverSocket, Connections connections) throws IOException {
        long accepted = 0;
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
                throw e;
            }
            socket.setTcpNoDelay(true);
            connections.accepted(socket, ++accepted);
        }
    }
}
