package programs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Hold N threads blocked reading from sockets that never send, and M threads asleep, until killed.
 *
 * <p>Prints {@code listening on <port>} once every reader has connected and every sleeper started.
 */
public final class ParkedOnSockets {

    public static void main(String[] args) throws Exception {
        int readers = Integer.parseInt(args[0]);
        int sleepers = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        ServerSocket server = new ServerSocket(0, readers, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(readers + sleepers);
        for (int i = 0; i < readers; i++) {
            Thread reader = new Thread(() -> read(server.getLocalPort(), started), "reader-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        for (int i = 0; i < readers; i++) {
            accepted.add(server.accept());
        }
        for (int i = 0; i < sleepers; i++) {
            Thread sleeper = new Thread(() -> sleep(started), "sleeper-" + i);
            sleeper.setDaemon(true);
            sleeper.start();
        }
        started.await();
        System.out.println("listening on " + server.getLocalPort());
        Thread.sleep(Long.MAX_VALUE);
        System.out.println(accepted.size());
    }

    private static void read(int port, CountDownLatch started) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            started.countDown();
            System.out.println("unexpected byte " + socket.getInputStream().read());
        } catch (IOException e) {
            System.out.println("reader failed: " + e);
        }
    }

    private static void sleep(CountDownLatch started) {
        started.countDown();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            System.out.println("sleeper interrupted");
        }
    }
}
