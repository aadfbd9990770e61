package io.fiberize.samples.http;

import io.fiberize.samples.cli.Acceptor;
import io.fiberize.samples.cli.BadArgumentException;
import io.fiberize.samples.cli.ServerCommand;
import io.fiberize.samples.cli.ThreadKind;
import java.io.IOException;
import java.net.ServerSocket;
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

    private static final ServerCommand COMMAND = new ServerCommand("http-server", """
            Usage: HttpServer [--port N] [--root DIR] [--threads platform|virtual]
            A thread-per-connection HTTP/1.1 server on 127.0.0.1 (GET and HEAD, keep-alive).
              --port N      port to listen on; 0 picks a free one (default 0)
              --root DIR    directory to serve (default: a small built-in page)
            """ + ThreadKind.USAGE + """
            GET /hello answers "Hello, world!". Prints "listening on <port>" once it is ready,
            then serves until killed.
            """);

    private final ServerSocket serverSocket;
    private final Routes routes;

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
        record Options(int port, Path root, ThreadKind threads) {
        }
        Options options = COMMAND.configure(args, List.of("port", "root", "threads"), arguments -> {
            String directory = arguments.text("root", null);
            Path root = directory == null ? null : Path.of(directory);
            if (root != null && !Files.isDirectory(root)) {
                throw new BadArgumentException("invalid --root '" + directory + "': not a directory");
            }
            return new Options(ServerCommand.port(arguments), root, ThreadKind.from(arguments));
        });
        new HttpServer(ServerCommand.listen(options.port()), options.root()).serve(options.threads());
    }

    /**
     * Accept connections and start a platform thread for each, until the server socket is closed.
     */
    public void serve() throws IOException {
        serve(ThreadKind.PLATFORM);
    }

    /**
     * Accept connections and start a thread of the given kind for each, until the server socket is closed.
     */
    public void serve(ThreadKind threads) throws IOException {
        Acceptor.serve(serverSocket, threads, "http", socket -> new HttpConnection(socket, routes));
    }
}
