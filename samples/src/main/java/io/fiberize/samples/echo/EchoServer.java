package io.fiberize.samples.echo;

import io.fiberize.samples.cli.Acceptor;
import io.fiberize.samples.cli.ServerCommand;
import io.fiberize.samples.cli.ThreadKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Echo every byte back, one thread per connection: the plainest blocking server there is.
 *
 * <p>It accepts a connection, then {@code new Thread(handler).start()}, and the handler blocks in
 * {@code read} and {@code write}. Nothing in it knows about fibers; the demo runs it with and without
 * the agent. It listens on the loopback address only.
 */
public final class EchoServer {

    private static final ServerCommand COMMAND = new ServerCommand("echo-server", """
            Usage: EchoServer [--port N] [--threads platform|virtual]
            A thread-per-connection echo server on 127.0.0.1.
              --port N      port to listen on; 0 picks a free one (default 0)
            """ + ThreadKind.USAGE + """
            Prints "listening on <port>" once it is ready, then serves until killed.
            """);

    private final ServerSocket serverSocket;

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
        record Options(int port, ThreadKind threads) {
        }
        Options options = COMMAND.configure(args, List.of("port", "threads"),
                arguments -> new Options(ServerCommand.port(arguments), ThreadKind.from(arguments)));
        new EchoServer(ServerCommand.listen(options.port())).serve(options.threads());
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
        Acceptor.serve(serverSocket, threads, "echo", EchoHandler::new);
    }
}
