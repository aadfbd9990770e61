package io.fiberize.samples.proxy;

import java.io.IOException;
import java.net.Socket;

/**
 * Relay one client connection to the target and back, then close both sockets.
 *
 * <p>Runs on the connection's first thread: it connects to the target, starts the second thread for the
 * target-to-client {@link Pump}, runs the client-to-target pump itself, then waits for the other thread.
 * If either pump fails (a reset, say), both sockets are closed at once, which ends the other pump too.
 */
final class ProxyConnection implements Runnable {

    private final Socket client;
    private final Target target;
    private final String name;

    ProxyConnection(Socket client, Target target, String name) {
        this.client = client;
        this.target = target;
        this.name = name;
    }

    @Override
    public void run() {
        Socket server;
        try {
            server = new Socket(target.host(), target.port());
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            System.err.println("proxy: cannot connect to " + target + ": " + e.getMessage());
            close(client);
            return;
        }
        Runnable abort = () -> {
            close(client);
            close(server);
        };
        Thread down = new Thread(new Pump(server, client, abort), name + "-down");
        down.start();
        new Pump(client, server, abort).run();
        try {
            down.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            abort.run();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed either way.
        }
    }
}
