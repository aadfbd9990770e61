package io.fiberize.samples.kv;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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

    private static final int BACKLOG = 4096;

    private static final String USAGE = """
            Usage: KvServer [--port N]
            A thread-per-connection key-value server on 127.0.0.1 speaking memcached's text protocol
            (get, set, delete, incr, decr, quit).
              --port N    port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """;

    private final ServerSocket serverSocket;
    private final Store store = new Store();
    private long accepted;

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
        int port;
        try {
            Arguments arguments = Arguments.parse(args, List.of("port"));
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            port = arguments.number("port", 0, 0, 65535);
        } catch (BadArgumentException e) {
            System.err.println("kv-server: " + e.getMessage() + "; try --help");
            System.exit(2);
            return;
        }
        ServerSocket serverSocket = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress());
        System.out.println("listening on " + serverSocket.getLocalPort());
        new KvServer(serverSocket).serve();
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
            new Thread(new KvConnection(socket, store), "kv-" + ++accepted).start();
        }
    }
}
