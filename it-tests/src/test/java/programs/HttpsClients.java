package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The JDK's {@link HttpsServer} on a cached pool and N client threads that each make one request through
 * {@link HttpsURLConnection} at once, so N TLS handshakes run concurrently; the self-signed certificate
 * (for 127.0.0.1) is made by {@code keytool} for the run.
 *
 * <p>Usage: {@code HttpsClients <clients>}. Prints what it counted; the peak number of platform threads
 * goes to standard error.
 */
public final class HttpsClients {
    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        SSLContext context = SelfSignedTls.context();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), clients);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        ExecutorService handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            byte[] body = ("secret for " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "https://127.0.0.1:" + server.getAddress().getPort();

        PeakThreads peak = PeakThreads.start();
        AtomicInteger right = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ClientCrowd.run(clients, id -> {
            HttpsURLConnection connection = (HttpsURLConnection) new URL(base + "/client/" + id).openConnection();
            connection.setSSLSocketFactory(context.getSocketFactory());
            connection.setConnectTimeout(30_000);
            connection.setReadTimeout(30_000);
            try (InputStream in = connection.getInputStream()) {
                String body = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                (body.equals("secret for /client/" + id) ? right : wrong).incrementAndGet();
            }
        }, wrong);
        server.stop(0);
        handlers.shutdown();
        System.out.println("TLS clients: " + clients + ", right answers: " + right.get() + ", wrong: " + wrong.get());
        System.err.println("peak platform threads: " + peak.stop());
    }
}
