package programs.faults;

import static programs.Outcomes.print;
import static programs.Outcomes.sleep;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer that misbehaves while a thread writes to it or reads from it: it resets the connection in
 * the middle of a large write, half-closes it, or never reads and then closes. Print what the
 * thread saw, and whether the other threads kept running meanwhile.
 *
 * <p>When a peer goes away under a write, Linux reports either a reset or a broken pipe, whichever
 * the timing of the RST gives; both are printed as one outcome.
 */
public final class PeerFaults {

    private static final Set<String> PEER_GONE = Set.of("Connection reset", "Connection reset by peer", "Broken pipe");
    private static final int LARGE_WRITE = 64 << 20;

    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            print("peer resets in the middle of a write", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    Thread resetter = new Thread(() -> {
                        readSome(peer, 1 << 20);
                        resetAndClose(peer);
                    });
                    resetter.start();
                    try {
                        client.getOutputStream().write(new byte[LARGE_WRITE]);
                        return "write completed (wrong)";
                    } catch (SocketException e) {
                        return peerGone(e);
                    } finally {
                        resetter.join();
                    }
                }
            });
            print("peer never reads, then closes", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    AtomicInteger ticks = new AtomicInteger();
                    Thread ticker = new Thread(() -> {
                        for (int i = 0; i < 20; i++) {
                            sleep(10);
                            ticks.incrementAndGet();
                        }
                        close(peer);
                    });
                    ticker.start();
                    try {
                        client.getOutputStream().write(new byte[LARGE_WRITE]);
                        return "write completed (wrong)";
                    } catch (SocketException e) {
                        ticker.join();
                        return peerGone(e) + ", other threads ran meanwhile: " + (ticks.get() == 20);
                    }
                }
            });
            print("peer half-closes, then reads the reply", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    peer.getOutputStream().write("last words".getBytes(StandardCharsets.US_ASCII));
                    peer.shutdownOutput();
                    String heard = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    client.getOutputStream().write("reply after EOF".getBytes(StandardCharsets.US_ASCII));
                    client.shutdownOutput();
                    String replied = new String(peer.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    return "heard '" + heard + "', then EOF; peer read '" + replied + "'";
                }
            });
            print("write after shutting down own output", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    client.shutdownOutput();
                    client.getOutputStream().write(1);
                    return "write completed (wrong)";
                }
            });
            print("read after the peer reset, with data unread", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    client.getOutputStream().write(new byte[1000]);
                    resetAndClose(peer);
                    sleep(50);
                    return "read returned " + client.getInputStream().read();
                }
            });
        }
    }

    private static String peerGone(SocketException e) {
        return e.getClass().getName() + ": " + (PEER_GONE.contains(e.getMessage()) ? "peer gone" : e.getMessage());
    }

    private static void readSome(Socket socket, int bytes) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            while (total < bytes) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (IOException e) {
            System.out.println("peer read failed: " + e);
        }
    }

    private static void resetAndClose(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            System.out.println("reset failed: " + e);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            System.out.println("close failed: " + e);
        }
    }
}
