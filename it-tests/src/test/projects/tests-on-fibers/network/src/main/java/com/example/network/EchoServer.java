package com.example.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Echo every byte back, a thread per connection, on a free port of 127.0.0.1.
 */
public final class EchoServer implements AutoCloseable {

    private final ServerSocket listener;

    /**
     * Listen and start accepting on a thread of its own.
     */
    public EchoServer() throws IOException {
        listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "echo-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Return the port it listens on.
     */
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = listener.accept();
                Thread handler = new Thread(() -> echo(connection), "echo-" + connection.getPort());
                handler.setDaemon(true);
                handler.start();
            }
        } catch (IOException closed) {
            // The listener was closed: stop accepting.
        }
    }

    private static void echo(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // The client went away: this connection is over.
        }
    }
}
