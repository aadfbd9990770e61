package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

import com.sun.net.httpserver.HttpServer;

/**
 * N threads, all at once, each make requests to a local HTTP server (the JDK's, on a cached pool) through
 * one shared Apache HttpClient 4 with a {@link PoolingHttpClientConnectionManager}, and through
 * {@link HttpURLConnection}.
 *
 * <p>Usage: {@code ApacheHttpClients <threads>}. Every answer is checked. Prints what it counted; the peak
 * number of platform threads goes to standard error.
 */
public final class ApacheHttpClients {
    private static final int APACHE_REQUESTS = 3;
    private static final int URL_CONNECTION_REQUESTS = 2;
    /** Fewer than the 200 idle connections the JDK's server keeps open (sun.net.httpserver.maxIdleConnections). */
    private static final int POOL_SIZE = 150;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), threads);
        ExecutorService handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("answer to " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(POOL_SIZE);
        connections.setDefaultMaxPerRoute(POOL_SIZE);
        PeakThreads peak = PeakThreads.start();
        AtomicInteger right = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections).build()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                Thread worker = new Thread(() -> {
                    try {
                        go.await();
                        for (int n = 0; n < APACHE_REQUESTS; n++) {
                            String path = "/apache/" + id + "/" + n;
                            try (CloseableHttpResponse response = client.execute(new HttpGet(base + path))) {
                                String body = EntityUtils.toString(response.getEntity(), StandardCharsets.US_ASCII);
                                count(body.equals("answer to " + path), right, wrong);
                            }
                        }
                        for (int n = 0; n < URL_CONNECTION_REQUESTS; n++) {
                            String path = "/url-connection/" + id + "/" + n;
                            count(urlConnection(base + path).equals("answer to " + path), right, wrong);
                        }
                    } catch (IOException | InterruptedException e) {
                        wrong.incrementAndGet();
                        System.err.println("worker " + id + " failed: " + e);
                    }
                }, "worker-" + i);
                workers.add(worker);
                worker.start();
            }
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
        }
        server.stop(0);
        handlers.shutdown();
        System.out.println("threads: " + threads + ", right answers: " + right.get() + " of "
                + threads * (APACHE_REQUESTS + URL_CONNECTION_REQUESTS) + ", wrong: " + wrong.get());
        System.err.println("peak platform threads: " + peak.stop());
    }

    private static void count(boolean ok, AtomicInteger right, AtomicInteger wrong) {
        (ok ? right : wrong).incrementAndGet();
    }

    private static String urlConnection(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(30_000);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
