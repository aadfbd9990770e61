package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-per-connection echo server and N client threads in one JVM, written the old way.
 *
 * <p>Every client connects, waits until all are connected (so that N connections are open at
 * once while the platform threads are counted), then sends messages of several sizes and checks
 * that each comes back byte for byte. Prints what it counted, and how many of the JDK's socket
 * poller threads ({@code MasterPoller}, {@code Read-Poller}...) run: none, since no thread of its
 * own is virtual.
 */
public final class EchoRoundTrips {
    private static final int[] SIZES = {1, 32, 1000, 4096, 65536};

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        ServerSocket server = new ServerSocket(0, clients, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(server), "acceptor");
        acceptor.setDaemon(true);
        acceptor.start();

        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong echoed = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        Thread launcher = new Thread(() -> {
            for (int i = 0; i < clients; i++) {
                int id = i;
                Thread client = new Thread(() -> client(server.getLocalPort(), id, connected, go, echoed, wrong));
                synchronized (threads) {
                    threads.add(client);
                }
                client.start();
            }
        }, "launcher");
        launcher.start();
        connected.await();
        int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        go.countDown();
        launcher.join();
        for (Thread t : threads) {
            t.join();
        }
        long expected = (long) clients * Arrays.stream(SIZES).sum();
        System.out.println("connections open at once: " + clients);
        System.out.println("echoed bytes: " + echoed.get() + " of " + expected + ", wrong: " + wrong.get());
        System.err.println("platform threads with all connections open: " + platformThreads);
        System.out.println("JDK socket poller threads: " + Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().endsWith("Poller")).count());
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
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            System.out.println("handler failed: " + e);
        }
    }

    private static void client(int port, int id, CountDownLatch connected, CountDownLatch go,
                               AtomicLong echoed, AtomicLong wrong) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            connected.countDown();
            go.await();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int size : SIZES) {
                byte[] message = new byte[size];
                for (int i = 0; i < size; i++) {
                    message[i] = (byte) (id * 31 + i);
                }
                out.write(message);
                byte[] back = in.readNBytes(size);
                if (Arrays.equals(message, back)) {
                    echoed.addAndGet(size);
                } else {
                    wrong.incrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("client failed: " + e);
        }
    }
}
