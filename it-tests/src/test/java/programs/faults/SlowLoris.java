package programs.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow-loris attack on a thread-per-connection server: many clients hold a connection open and
 * send one byte a second, while one ordinary client sends requests and waits for the answers.
 *
 * <p>The listening socket's backlog holds every slow client, so that connecting them all at once is
 * quick on a plain JVM too (with the JDK's default of 50 the kernel drops SYNs and the run takes
 * minutes of retransmissions).
 *
 * <p>Arguments: the number of slow connections (5,000) and the number of seconds they trickle (5).
 * Prints how many slow connections were held, how many of their bytes arrived, and how many of the
 * ordinary client's requests were answered within its 2 s read timeout while the slow clients held on.
 */
public final class SlowLoris {

    private static final int ORDINARY_REQUESTS = 20;

    public static void main(String[] args) throws Exception {
        int slowClients = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        AtomicLong slowBytes = new AtomicLong();
        CountDownLatch slowEnded = new CountDownLatch(slowClients);
        try (ServerSocket server = new ServerSocket(0, slowClients + 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> accept(server, slowBytes, slowEnded), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();

            Socket ordinary = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            ordinary.setSoTimeout(2_000);
            List<Socket> slow = new ArrayList<>(slowClients);
            for (int i = 0; i < slowClients; i++) {
                slow.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            }
            System.out.println("slow connections held: " + slow.size());

            int[] answered = new int[1];
            Thread requests = new Thread(() -> answered[0] = ask(ordinary, seconds), "ordinary client");
            requests.start();
            for (int second = 0; second < seconds; second++) {
                for (Socket socket : slow) {
                    socket.getOutputStream().write('.');
                }
                Thread.sleep(1_000);
            }
            requests.join();
            System.out.println("ordinary requests answered while the slow clients held on: "
                    + answered[0] + " of " + ORDINARY_REQUESTS);
            for (Socket socket : slow) {
                socket.close();
            }
            slowEnded.await();
            System.out.println("bytes received from slow clients: " + slowBytes.get() + " of "
                    + (long) slowClients * seconds);
            ordinary.close();
        }
    }

    /** Answer each connection in a thread of its own; the first connection is the ordinary client. */
    private static void accept(ServerSocket server, AtomicLong slowBytes, CountDownLatch slowEnded) {
        try {
            Socket first = server.accept();
            new Thread(() -> answer(first)).start();
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> trickle(socket, slowBytes, slowEnded)).start();
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                System.out.println("accept failed: " + e);
            }
        }
    }

    /** Send each request byte back as the answer. */
    private static void answer(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
        } catch (IOException e) {
            System.out.println("ordinary connection failed: " + e);
        }
    }

    /** Count a slow client's bytes until it closes. */
    private static void trickle(Socket socket, AtomicLong slowBytes, CountDownLatch slowEnded) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                slowBytes.incrementAndGet();
            }
        } catch (IOException e) {
            System.out.println("slow connection failed: " + e);
        } finally {
            slowEnded.countDown();
        }
    }

    /** Send the ordinary requests, spread over the slow clients' time, and count the answers. */
    private static int ask(Socket socket, int seconds) {
        int answered = 0;
        try {
            for (int i = 0; i < ORDINARY_REQUESTS; i++) {
                Thread.sleep(seconds * 1_000L / ORDINARY_REQUESTS);
                socket.getOutputStream().write(i);
                if (socket.getInputStream().read() == i) {
                    answered++;
                }
            }
        } catch (SocketTimeoutException e) {
            System.out.println("an ordinary request was not answered within 2 s");
        } catch (IOException | InterruptedException e) {
            System.out.println("ordinary client failed: " + e);
        }
        return answered;
    }
}
