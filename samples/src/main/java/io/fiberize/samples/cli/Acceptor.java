package io.fiberize.samples.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

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
