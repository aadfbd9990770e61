package io.fiberize.samples.echo;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/**
 * Echo every byte back, one thread per connection: the plainest blocking server there is.
 *
 * <p>It accepts a connection, then {@code new Thread(handler).start()}, and the handler blocks in
 * {@code read} and {@code write}. Nothing in it knows about fibers; the demo runs it with and without
 * the agent. It listens on the loopback address only.
 */
public final class EchoServer {

    private static final int BACKLOG = 4096;

    private static final String USAGE = """
            Usage: EchoServer [--port N]
            A thread-per-connection echo server on 127.0.0.1.
              --port N    port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """;

    private final ServerSocket serverSocket;
    private long accepted;

    /**
     * Create a server that will accept connections on {@code serverSocket}.
     */
    public EchoServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /**
     * Run the server: parse the arguments, bind, say where, and serve forever.
     */
    public static void main(String[] args) throws IOException {
        int port;
        try {
            Arguments arguments = Arguments.parse(args, List.of("port"));
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            port = arguments.number("port", 0, 0, 65535);
        } catch (BadArgumentException e) {
            System.err.println("echo-server: " + e.getMessage() + "; try --help");
            System.exit(2);
            return;
        }
        ServerSocket serverSocket = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress());
        System.out.println("listening on " + serverSocket.getLocalPort());
        new EchoServer(serverSocket).serve();
    }

    /**
     * Accept connections and start a thread for each, until the server socket is closed.
     */
    public void serve() throws IOException {
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
            new Thread(new EchoHandler(socket), "echo-" + ++accepted).start();
        }
    }
}
