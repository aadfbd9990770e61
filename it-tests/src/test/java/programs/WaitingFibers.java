package programs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hold threads waiting in every way a thread-per-connection program waits, until killed: reading
 * a socket that never sends, accepting on a socket nobody connects to, asleep, queued on a held
 * {@link ReentrantLock}, taking from an empty queue, blocked entering a held {@code synchronized}
 * block, and in {@code Object.wait}.
 *
 * <p>Prints {@code listening on <port>} once every thread has started (they may still be on their
 * way into their wait).
 */
public final class WaitingFibers {
    private static final Object MONITOR = new Object();
    private static final Object SIGNAL = new Object();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final BlockingQueue<String> QUEUE = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        int each = Integer.parseInt(args[0]);
        ServerSocket server = new ServerSocket(0, each, InetAddress.getLoopbackAddress());
        ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new ArrayList<>();
        CountDownLatch held = new CountDownLatch(2);
        start("lock-holder", () -> {
            LOCK.lock();
            hold(held);
        });
        start("monitor-holder", () -> {
            synchronized (MONITOR) {
                hold(held);
            }
        });
        held.await();
        start("acceptor", () -> {
            try {
                System.out.println("unexpected connection " + unused.accept());
            } catch (IOException e) {
                System.out.println("acceptor failed: " + e);
            }
        });
        start("object-waiter", () -> {
            synchronized (SIGNAL) {
                try {
                    SIGNAL.wait();
                } catch (InterruptedException e) {
                    System.out.println("waiter interrupted");
                }
            }
        });
        for (int i = 0; i < each; i++) {
            start("reader-" + i, () -> read(server.getLocalPort()));
            start("sleeper-" + i, () -> hold(new CountDownLatch(0)));
            start("lock-waiter-" + i, () -> {
                LOCK.lock();
                System.out.println("unexpected lock");
            });
            start("queue-taker-" + i, () -> {
                try {
                    System.out.println("unexpected element " + QUEUE.take());
                } catch (InterruptedException e) {
                    System.out.println("taker interrupted");
                }
            });
            start("monitor-waiter-" + i, () -> {
                synchronized (MONITOR) {
                    System.out.println("unexpected monitor");
                }
            });
        }
        for (int i = 0; i < each; i++) {
            accepted.add(server.accept());
        }
        System.out.println("listening on " + server.getLocalPort());
        Thread.sleep(Long.MAX_VALUE);
        System.out.println(accepted.size());
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void read(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            System.out.println("unexpected byte " + socket.getInputStream().read());
        } catch (IOException e) {
            System.out.println("reader failed: " + e);
        }
    }

    private static void hold(CountDownLatch started) {
        started.countDown();
        try {
            Thread.sleep(3_600_000);
        } catch (InterruptedException e) {
            System.out.println("sleeper interrupted");
        }
    }
}
