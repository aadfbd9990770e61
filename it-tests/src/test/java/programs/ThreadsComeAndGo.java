package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Start and end very many threads, then serve very many short connections, and print the heap
 * still used after a full GC: nothing of a thread or connection that ended may stay.
 *
 * <p>Usage: {@code ThreadsComeAndGo THREADS CONNECTIONS}. Half the threads are plain {@code new
 * Thread(task)}, half a subclass; each captures a 10 KB array. Connections go one after another to
 * a thread-per-connection echo server in the same JVM. Prints {@code threads ran: N}, {@code
 * connections echoed: N} and {@code retained KB: N} on standard error (the number differs between
 * runs; the test compares it).
 */
public final class ThreadsComeAndGo {
    private static final AtomicLong SEEN = new AtomicLong();

    static final class Worker extends Thread {
        private final byte[] payload;

        Worker(byte[] payload) {
            this.payload = payload;
        }

        @Override
        public void run() {
            SEEN.addAndGet(payload.length > 0 ? 1 : 0);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long before = retained();
        List<Thread> batch = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            byte[] payload = new byte[10 * 1024];
            Thread thread = i % 2 == 0 ? new Thread(() -> SEEN.addAndGet(payload.length > 0 ? 1 : 0)) : new Worker(payload);
            thread.start();
            batch.add(thread);
            if (batch.size() == 1000) {
                for (Thread t : batch) {
                    t.join();
                }
                batch.clear();
            }
        }
        for (Thread t : batch) {
            t.join();
        }
        batch.clear();
        System.out.println("threads ran: " + SEEN.get());
        System.out.println("connections echoed: " + echo(connections));
        System.err.println("retained KB: " + (retained() - before) / 1024);
    }

    private static int echo(int connections) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (true) {
                    Socket socket;
                    try {
                        socket = server.accept();
                    } catch (IOException closed) {
                        return;
                    }
                    new Thread(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            byte[] buffer = new byte[64];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                out.write(buffer, 0, n);
                            }
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    }).start();
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int echoed = 0;
            for (int i = 0; i < connections; i++) {
                try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
                    client.getOutputStream().write(7);
                    echoed += client.getInputStream().read() == 7 ? 1 : 0;
                }
            }
            return echoed;
        }
    }

    private static long retained() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
