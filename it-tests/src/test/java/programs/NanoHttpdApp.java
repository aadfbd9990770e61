package programs;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fi.iki.elonen.NanoHTTPD;

/**
 * A small NanoHTTPD app that serves a file ({@code GET /file}) and a form ({@code GET /form} shows it,
 * {@code POST /form} answers it), and N client threads that use both at once through
 * {@link HttpURLConnection}.
 *
 * <p>Usage: {@code NanoHttpdApp <clients>}. Every answer is checked. Prints what it counted; the peak
 * number of platform threads goes to standard error.
 */
public final class NanoHttpdApp extends NanoHTTPD {
    private static final String FORM = "<form method=post action=/form><input name=name><input name=id></form>";

    private final File file;
    private final int backlog;

    private NanoHttpdApp(File file, int backlog) {
        super("127.0.0.1", 0);
        this.file = file;
        this.backlog = backlog;
        // NanoHTTPD binds with the JDK's default backlog of 50; a burst of clients needs more.
        setServerSocketFactory(() -> new ServerSocket() {
            @Override
            public void bind(SocketAddress endpoint) throws IOException {
                bind(endpoint, NanoHttpdApp.this.backlog);
            }
        });
    }

    @Override
    public Response serve(IHTTPSession session) {
        try {
            if (session.getUri().equals("/file")) {
                return newFixedLengthResponse(Response.Status.OK, "text/plain", new FileInputStream(file), file.length());
            }
            if (session.getUri().equals("/form") && session.getMethod() == Method.GET) {
                return newFixedLengthResponse(FORM);
            }
            if (session.getUri().equals("/form") && session.getMethod() == Method.POST) {
                session.parseBody(new HashMap<>());
                Map<String, List<String>> form = session.getParameters();
                return newFixedLengthResponse(Response.Status.OK, "text/plain",
                        "hello " + form.get("name").get(0) + ", number " + form.get("id").get(0));
            }
            return newFixedLengthResponse(Response.Status.NOT_FOUND, "text/plain", "no " + session.getUri());
        } catch (IOException | ResponseException e) {
            return newFixedLengthResponse(Response.Status.INTERNAL_ERROR, "text/plain", e.toString());
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        File file = File.createTempFile("nanohttpd", ".txt");
        file.deleteOnExit();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            content.append("line ").append(i).append(" of the served file\n");
        }
        Files.write(file.toPath(), content.toString().getBytes(StandardCharsets.US_ASCII));

        NanoHttpdApp app = new NanoHttpdApp(file, clients);
        app.start(NanoHTTPD.SOCKET_READ_TIMEOUT, true);
        String base = "http://127.0.0.1:" + app.getListeningPort();

        PeakThreads peak = PeakThreads.start();
        AtomicInteger right = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ClientCrowd.run(clients, id -> {
            count(get(base + "/file").equals(content.toString()), right, wrong);
            count(get(base + "/form").equals(FORM), right, wrong);
            String name = "client " + id + " & co";
            count(post(base + "/form", "name=" + URLEncoder.encode(name, "UTF-8") + "&id=" + id)
                    .equals("hello " + name + ", number " + id), right, wrong);
        }, wrong);
        app.stop();
        System.out.println("clients: " + clients + ", right answers: " + right.get() + " of " + clients * 3
                + ", wrong: " + wrong.get());
        System.err.println("peak platform threads: " + peak.stop());
    }

    private static void count(boolean ok, AtomicInteger right, AtomicInteger wrong) {
        (ok ? right : wrong).incrementAndGet();
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = open(url);
        return read(connection);
    }

    private static String post(String url, String form) throws IOException {
        HttpURLConnection connection = open(url);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.US_ASCII));
        }
        return read(connection);
    }

    private static HttpURLConnection open(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(30_000);
        return connection;
    }

    private static String read(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
