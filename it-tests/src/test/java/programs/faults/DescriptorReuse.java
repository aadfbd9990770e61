package programs.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Socket descriptors closed under a waiting reader and reused at once: a thread waits to read from
 * a socket, another ends that wait (closes the socket, lets the read time out, or interrupts a
 * channel read), and the next socket, which the kernel gives the lowest free descriptor number and
 * so often the old one, must carry its byte to a new reader. Several workers do this at the same
 * time, so that numbers also pass between threads.
 *
 * <p>Arguments: rounds per worker (1,000) and workers (4). Prints how often each outcome was seen.
 */
public final class DescriptorReuse {

    private static final Map<String, LongAdder> OUTCOMES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
             ServerSocketChannel channelServer = ServerSocketChannel.open()) {
            channelServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            Thread[] threads = new Thread[workers];
            for (int w = 0; w < workers; w++) {
                threads[w] = new Thread(() -> work(server, channelServer, rounds), "worker-" + w);
                threads[w].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        new TreeMap<>(OUTCOMES).forEach((outcome, count) -> System.out.println(outcome + ": " + count));
    }

    private static void work(ServerSocket server, ServerSocketChannel channelServer, int rounds) {
        try {
            for (int round = 0; round < rounds; round++) {
                switch (round % 3) {
                    case 0 -> closedUnderReader(server);
                    case 1 -> timedOutReader(server);
                    default -> interruptedReader(channelServer);
                }
                reuse(server);
            }
        } catch (IOException | InterruptedException e) {
            count("worker failed: " + e);
        }
    }

    /** A reader waits (a millisecond is time enough to start waiting); this thread closes its socket. */
    private static void closedUnderReader(ServerSocket server) throws IOException, InterruptedException {
        Socket socket = new Socket();
        Socket peer = connect(server, socket);
        try (peer) {
            Thread reader = readInThread(socket, "old reader, closed");
            Thread.sleep(1);
            socket.close();
            reader.join();
        }
    }

    /** A reader waits 1 ms, times out and closes its socket. */
    private static void timedOutReader(ServerSocket server) throws IOException, InterruptedException {
        Socket socket = new Socket();
        Socket peer = connect(server, socket);
        try (peer; socket) {
            socket.setSoTimeout(1);
            readInThread(socket, "old reader, timed out").join();
        }
    }

    /** A channel reader waits; this thread interrupts it, which closes the channel. */
    private static void interruptedReader(ServerSocketChannel server) throws IOException, InterruptedException {
        SocketChannel channel;
        SocketChannel peer;
        synchronized (server) {
            channel = SocketChannel.open(server.getLocalAddress());
            peer = server.accept();
        }
        try (peer; channel) {
            Thread reader = new Thread(() -> {
                try {
                    int n = channel.read(ByteBuffer.allocate(1));
                    count("old reader, interrupted: read returned " + n);
                } catch (IOException e) {
                    count("old reader, interrupted: " + e.getClass().getName());
                }
            });
            reader.start();
            reader.interrupt();
            reader.join();
        }
    }

    /** A new connection, likely on a descriptor number just freed, carries one byte to a new reader. */
    private static void reuse(ServerSocket server) throws IOException, InterruptedException {
        Socket socket = new Socket();
        Socket peer = connect(server, socket);
        try (peer; socket) {
            socket.setSoTimeout(5_000);
            Thread reader = readInThread(socket, "new reader");
            peer.getOutputStream().write(42);
            reader.join();
        }
    }

    /**
     * Connect {@code socket} to {@code server} and return the accepted end; one worker at a time,
     * so that each accepts its own connection.
     */
    private static Socket connect(ServerSocket server, Socket socket) throws IOException {
        synchronized (server) {
            socket.connect(server.getLocalSocketAddress());
            return server.accept();
        }
    }

    private static Thread readInThread(Socket socket, String who) throws IOException {
        InputStream in = socket.getInputStream();
        Thread reader = new Thread(() -> {
            try {
                count(who + ": read returned " + in.read());
            } catch (IOException e) {
                count(who + ": " + e.getClass().getName() + ": " + e.getMessage());
            }
        });
        reader.start();
        return reader;
    }

    private static void count(String outcome) {
        OUTCOMES.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }
}
