package io.fiberize.samples.proxy;

import io.fiberize.samples.cli.Acceptor;
import io.fiberize.samples.cli.BadArgumentException;
import io.fiberize.samples.cli.ServerCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Relay TCP connections to one target, two threads per connection, one for each direction.
 *
 * <p>For each accepted connection a thread connects to the target with {@code new Socket(host, port)},
 * starts a second thread for the target-to-client direction and copies the client-to-target direction
 * itself. When one side stops sending, the other side's output is shut down, so a half-closed
 * connection stays half-closed end to end. Nothing in it knows about fibers. It listens on the
 * loopback address only.
 */
public final class ProxyServer {

    private static final ServerCommand COMMAND = new ServerCommand("proxy", """
            Usage: ProxyServer --target HOST:PORT [--port N]
            A thread-per-direction TCP proxy on 127.0.0.1 to one target.
              --target HOST:PORT    where to relay each connection (required)
              --port N              port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """);

    private final ServerSocket serverSocket;
    private final Target target;

    /**
     * Create a proxy that will accept connections on {@code serverSocket} and relay them to {@code target}.
     */
    public ProxyServer(ServerSocket serverSocket, Target target) {
        this.serverSocket = serverSocket;
        this.target = target;
    }

    /**
     * Run the proxy: parse the arguments, bind, say where, and relay forever.
     */
    public static void main(String[] args) throws IOException {
        record Options(int port, Target target) {
        }
        Options options = COMMAND.configure(args, List.of("port", "target"), arguments -> {
            String text = arguments.text("target", null);
            if (text == null) {
                throw new BadArgumentException("--target is required");
            }
            return new Options(ServerCommand.port(arguments), Target.parse(text));
        });
        new ProxyServer(ServerCommand.listen(options.port()), options.target()).serve();
    }

    /**
     * Accept connections and start a thread for each, until the server socket is closed.
     */
    public void serve() throws IOException {
        Acceptor.serve(serverSocket, (socket, id) ->
                new Thread(new ProxyConnection(socket, target, "proxy-" + id), "proxy-" + id + "-up").start());
    }
}
