package io.fiberize.samples.kv;

import io.fiberize.samples.cli.Acceptor;
import io.fiberize.samples.cli.ServerCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Keep keys and values for memcached clients, one thread per connection, in one shared map.
 *
 * <p>It speaks a subset of memcached's text protocol ({@code get}, {@code set}, {@code delete},
 * {@code incr}, {@code decr}, {@code quit}; see {@link KvConnection}), so that memcached client
 * libraries can use it. Every connection's thread works on one {@link Store} whose methods are
 * {@code synchronized}. Nothing in it knows about fibers. It listens on the loopback address only.
 */
public final class KvServer {

    private static final ServerCommand COMMAND = new ServerCommand("kv-server", """
            Usage: KvServer [--port N]
            A thread-per-connection key-value server on 127.0.0.1 speaking memcached's text protocol
            (get, set, delete, incr, decr, quit).
              --port N    port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """);

    private final ServerSocket serverSocket;
    private final Store store = new Store();

    /**
     * Create a server that will accept connections on {@code serverSocket}, with an empty store.
     */
    public KvServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /**
     * Run the server: parse the arguments, bind, say where, and serve forever.
     */
    public static void main(String[] args) throws IOException {
        int port = COMMAND.configure(args, List.of("port"), ServerCommand::port);
        new KvServer(ServerCommand.listen(port)).serve();
    }

    /**
     * Accept connections and start a thread for each, until the server socket is closed.
     */
    public void serve() throws IOException {
        Acceptor.serve(serverSocket, (socket, id) -> new Thread(new KvConnection(socket, store), "kv-" + id).start());
    }
}
