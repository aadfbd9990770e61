package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread-per-connection echo server that a burst of client threads connect to all at once, each
 * with a 2 s connect timeout, written the old way: {@code new ServerSocket(port)}, whose listen
 * backlog is the JDK's default of 50, and {@code new Thread(handler).start()} per connection.
 *
 * <p>Every client sends a few bytes and reads them back. Prints how many clients failed (a connect
 * that timed out, an echo that did not come back whole); each failure is also told on standard
 * error.
 *
 * <pre>
 * ConnectBurst CLIENTS              the server and the clients in this JVM: prints "failures: N of CLIENTS"
 * ConnectBurst server               the server alone: prints "listening on PORT" and serves until killed
 * ConnectBurst clients PORT CLIENTS the clients alone, against the server on the loopback address
 * </pre>
 */
public final class ConnectBurst {
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final byte[] MESSAGE = "burst".getBytes(StandardCharsets.US_ASCII);

    private ConnectBurst() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("server")) {
            ServerSocket server = new ServerSocket(0);
            System.out.println("listening on " + server.getLocalPort());
            accept(server);
        } else if (args[0].equals("clients")) {
            burst(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else {
            ServerSocket server = new ServerSocket(0);
            Thread acceptor = new Thread(() -> accept(server), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            burst(server.getLocalPort(), Integer.parseInt(args[0]));
        }
    }

    private static void burst(int port, int clients) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        AtomicInteger failed = new AtomicInteger();
        ClientCrowd.run(clients, id -> echoOnce(address, id, failed), failed);
        System.out.println("failures: " + failed.get() + " of " + clients);
    }

    private static void echoOnce(InetSocketAddress address, int id, AtomicInteger failed) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(MESSAGE);
            byte[] back = socket.getInputStream().readNBytes(MESSAGE.length);
            if (!Arrays.equals(back, MESSAGE)) {
                failed.incrementAndGet();
                System.err.println("client " + id + " got back " + Arrays.toString(back));
            }
        }
    }

    private static void accept(ServerSocket server) {
        try {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> echo(socket)).start();
            }
        } catch (IOException e) {
            System.out.println("acceptor stopped: " + e);
        }
    }

    private static void echo(Socket socket) {
        try (Socket s = socket; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buffer = new byte[256];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            System.err.println("handler failed: " + e);
        }
    }
}
