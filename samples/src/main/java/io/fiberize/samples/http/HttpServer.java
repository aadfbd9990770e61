package io.fiberize.samples.http;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Serve HTTP/1.1 from a directory, one thread per connection, with keep-alive.
 *
 * <p>It accepts a connection, then {@code new Thread(connection).start()}; the connection's thread
 * reads a request, answers it and reads the next until the client closes or asks to. GET and HEAD of
 * files under {@code --root} (or of a built-in page), and of {@code /hello}; everything else is an
 * error status. Nothing in it knows about fibers. It listens on the loopback address only.
 */
public final class HttpServer {

    private static final int BACKLOG = 4096;

    private static final String USAGE = """
            Usage: HttpServer [--port N] [--root DIR]
            A thread-per-connection HTTP/1.1 server on 127.0.0.1 (GET and HEAD, keep-alive).
              --port N      port to listen on; 0 picks a free one (default 0)
              --root DIR    directory to serve (default: a small built-in page)
            GET /hello answers "Hello, world!". Prints "listening on <port>" once it is ready,
            then serves until killed.
            """;

    private final ServerSocket serverSocket;
    private final Routes routes;
    private long accepted;

    /**
     * Create a server that will accept connections on {@code serverSocket} and serve the files under
     * {@code root}, or the built-in page if {@code root} is null.
     */
    public HttpServer(ServerSocket serverSocket, Path root) {
        this.serverSocket = serverSocket;
        this.routes = new Routes(root == null ? new BuiltInSite() : new DirectorySite(root));
    }

    /**
     * Run the server: parse the arguments, bind, say where, and serve forever.
     */
    public static void main(String[] args) throws IOException {
        int port;
        Path root;
        try {
            Arguments arguments = Arguments.parse(args, List.of("port", "root"));
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            port = arguments.number("port", 0, 0, 65535);
            String directory = arguments.text("root", null);
            root = directory == null ? null : Path.of(directory);
            if (root != null && !Files.isDirectory(root)) {
                throw new BadArgumentException("invalid --root '" + directory + "': not a directory");
            }
        } catch (BadArgumentException e) {
            System.err.println("http-server: " + e.getMessage() + "; try --help");
            System.exit(2);
            return;
        }
        ServerSocket serverSocket = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress());
        System.out.println("listening on " + serverSocket.getLocalPort());
        new HttpServer(serverSocket, root).serve();
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
            new Thread(new HttpConnection(socket, routes), "http-" + ++accepted).start();
        }
    }
}
