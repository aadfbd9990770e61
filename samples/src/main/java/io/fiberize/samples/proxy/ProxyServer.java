package io.fiberize.samples.proxy;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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

    private static final int BACKLOG = 4096;

    private static final String USAGE = """
            Usage: ProxyServer --target HOST:PORT [--port N]
            A thread-per-direction TCP proxy on 127.0.0.1 to one target.
              --target HOST:PORT    where to relay each connection (required)
              --port N              port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """;

    private final ServerSocket serverSocket;
    private final Target target;
    private long accepted;

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
        int port;
        Target target;
        try {
            Arguments arguments = Arguments.parse(args, List.of("port", "target"));
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            port = arguments.number("port", 0, 0, 65535);
            String text = arguments.text("target", null);
            if (text == null) {
                throw new BadArgumentException("--target is required");
            }
            target = Target.parse(text);
        } catch (BadArgumentException e) {
            System.err.println("proxy: " + e.getMessage() + "; try --help");
            System.exit(2);
            return;
        }
        ServerSocket serverSocket = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress());
        System.out.println("listening on " + serverSocket.getLocalPort());
        new ProxyServer(serverSocket, target).serve();
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
            long id = ++accepted;
            new Thread(new ProxyConnection(socket, target, "proxy-" + id), "proxy-" + id + "-up").start();
        }
    }
}
