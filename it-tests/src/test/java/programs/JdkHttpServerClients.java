package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's {@link HttpServer} on a fixed pool of 200 threads, whose handler sleeps 20 ms and asks a
 * downstream echo server (a thread per connection, in the same JVM) before it answers; N client threads
 * send one request each through {@link HttpURLConnection}, all at once.
 *
 * <p>Usage: {@code JdkHttpServerClients <clients>}. Prints what it counted; the peak number of platform
 * threads and how many requests the pool's threads handled go to standard error.
 */
public final class JdkHttpServerClients {
    private static final int POOL_SIZE = 200;

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        ServerSocket downstream = new ServerSocket(0, clients, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> echoServer(downstream), "downstream-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();

        AtomicInteger onPoolThreads = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), clients);
        ExecutorService pool = Executors.newFixedThreadPool(POOL_SIZE);
        server.setExecutor(pool);
        server.createContext("/work", exchange -> handle(exchange, downstream.getLocalPort(), onPoolThreads));
        server.start();
        int port = server.getAddress().getPort();

        PeakThreads peak = PeakThreads.start();
        AtomicInteger right = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ClientCrowd.run(clients, id -> {
            if (request(port, id).equals("request " + id + " echoed by downstream")) {
                right.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }, failed);
        server.stop(0);
        pool.shutdown();
        System.out.println("clients: " + clients + ", right answers: " + right.get() + ", failed: " + failed.get());
        System.err.println("requests handled on pool threads: " + onPoolThreads.get());
        System.err.println("peak platform threads: " + peak.stop());
    }

    private static void handle(HttpExchange exchange, int downstreamPort, AtomicInteger onPoolThreads)
            throws IOException {
        if (Thread.currentThread().getName().startsWith("pool-")) {
            onPoolThreads.incrementAndGet();
        }
        String query = exchange.getRequestURI().getQuery();
        String id = query.substring(query.indexOf('=') + 1);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), downstreamPort)) {
            byte[] message = ("request " + id + "\n").getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(message);
            byte[] echoed = socket.getInputStream().readNBytes(message.length);
            body = (new String(echoed, StandardCharsets.US_ASCII).trim() + " echoed by downstream")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String request(int port, int id) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/work?id=" + id)
                .openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(30_000);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } finally {
            connection.disconnect();
        }
    }

    private static void echoServer(ServerSocket server) {
        try {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> {
                    try (Socket s = socket; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        byte[] buffer = new byte[512];
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            out.write(buffer, 0, n);
                        }
                    } catch (IOException e) {
                        System.err.println("downstream handler failed: " + e);
                    }
                }).start();
            }
        } catch (IOException e) {
            System.err.println("downstream acceptor stopped: " + e);
        }
    }
}
