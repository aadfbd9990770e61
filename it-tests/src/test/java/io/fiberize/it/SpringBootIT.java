package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot web MVC application, unmodified and run with {@code java -jar} (apps/spring-web: embedded
 * Tomcat with its 200 request threads, JdbcTemplate on HikariCP's 10 connections to PostgreSQL, RestClient on
 * the JDK's HttpClient to a downstream service), answers 1,000 concurrent clients right plainly and under the
 * agent; under the agent on a fraction of the OS threads, with no stall and no compensating carrier while the
 * clients run (at start-up, class loading and thread starts pin a fiber: the README's known limit).
 *
 * <p>The clients and the downstream price service run in this JVM, the application in its own, PostgreSQL in
 * its own. Every client opens its connection first, then all first requests go at once, so that 1,000 wait on
 * Tomcat's 200 threads, which wait on Hikari's 10 connections; one request from each warms the application up
 * before the timed ones. Each answer is compared with what the database holds and what the downstream says.
 * The throughput of both runs is printed, never asserted.
 */
class SpringBootIT {
    private static final String APP = "spring-web";
    private static final int ORDERS = 1000;
    private static final int CLIENTS = 1000;
    private static final int REQUESTS_PER_CLIENT = 5;
    /** Tomcat's default {@code server.tomcat.threads.max}. */
    private static final int TOMCAT_THREADS = 200;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    @Test
    void thousandConcurrentClientsGetRightAnswersOnFewOsThreads() throws Exception {
        PostgresServer.requireInstalled();
        try (PostgresServer postgres = PostgresServer.start();
             Downstream downstream = Downstream.start()) {
            Map<Long, String> expected = createOrders(postgres.jdbcUrl(), downstream);

            Load plain = load(ForkedJvm.jdk25(), postgres, downstream, expected);
            Load fiberized = load(ForkedJvm.jdk25().agent("log=info"), postgres, downstream, expected);

            ExitReport report = ExitReport.of(fiberized.result());
            List<StallReport> stalls = fiberized.result().stallReports();
            List<StallReport> duringLoad = stalls.stream().filter(fiberized::duringLoad).toList();
            System.out.printf("SpringBootIT: plain:     %s%n", plain);
            System.out.printf("SpringBootIT: fiberized: %s%n", fiberized);
            System.out.printf("SpringBootIT: fiberized/plain requests/s: %.3f%n",
                    fiberized.requestsPerSecond() / plain.requestsPerSecond());
            System.out.printf("SpringBootIT: peak OS threads plain %d, fiberized %d%n",
                    plain.peakThreads().size(), fiberized.peakThreads().size());
            System.out.printf("SpringBootIT: plain peak threads by name: %s%n", byName(plain.peakThreads()));
            System.out.printf("SpringBootIT: fiberized peak threads by name: %s%n", byName(fiberized.peakThreads()));
            System.out.printf("SpringBootIT: exit report: %s%n", report);
            System.out.printf("SpringBootIT: stall reports %d, %d of them while the measured clients ran%n",
                    stalls.size(), duringLoad.size());
            stalls.forEach(stall -> System.out.printf("SpringBootIT:   %s%n", stall.summary()));

            for (Load run : List.of(plain, fiberized)) {
                assertThat(run.peakInFlight()).as("requests in flight at once, more than Tomcat's threads")
                        .isGreaterThan(TOMCAT_THREADS);
            }
            assertThat(plain.peakThreads()).as("plainly, Tomcat's 200 request threads are OS threads")
                    .hasSizeGreaterThan(TOMCAT_THREADS);
            assertThat(fiberized.peakThreads()).as("under the agent, Tomcat's request threads are fibers")
                    .hasSizeLessThan(plain.peakThreads().size() / 2);
            assertThat(fiberized.result().stderr()).as("instrumentation errors").doesNotContain("could not rewrite");
            assertThat(report.get("fibersStarted")).as("Tomcat's request threads, fibers: %s", report)
                    .isGreaterThanOrEqualTo(TOMCAT_THREADS);
            // While the clients run nothing blocks the loop's carrier. A report of CPU time may still come: on these
            // two cores, shared with the clients, the downstream and PostgreSQL, a turn of the loop can take 100 ms
            // (once in eleven runs, 104 ms "busy" in Spring's handler lookup, with a load average near 20).
            assertThat(duringLoad).as("watchdog reports while the clients ran, in%n%s", fiberized.result().stderr())
                    .allMatch(StallReport::onTheCpu);
            // Before the timed requests (start-up, the first requests of each kind) and at shutdown, the loop's
            // carrier is blocked, and handed over, only where a fiber is pinned: while it loads a class (the JVM
            // calls ClassLoader.loadClass through a native frame, and the class's bytes come from file reads in
            // Boot's nested jars), runs a class initializer, or starts an OS thread for the JDK HttpClient's
            // executor (Thread.start0): the README's known limit. The other reports there are cold code
            // running on the loop for 100 ms, which the README's next limit describes.
            assertThat(stalls.stream().filter(StallReport::compensated))
                    .as("watchdog reports in%n%s", fiberized.result().stderr()).allMatch(StallReport::pinnedByAKnownLimit);
            assertThat(report.get("compensations")).as("carriers handed the loop, one per compensated report: %s",
                    report).isEqualTo(stalls.stream().filter(StallReport::compensated).count());
            // The fibers waiting on RestClient's calls are resumed by the JDK HttpClient's own executor threads
            // (platform threads: foreignResumes), never by the JDK's pollers or unparkers.
            assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report)
                    .isZero();
        }
    }

    /**
     * Create and fill the table {@code orders} and return the answer the application must give for each
     * order, from the rows read back and the downstream's prices.
     */
    private static Map<Long, String> createOrders(String jdbcUrl, Downstream downstream) throws Exception {
        Map<Long, String> expected = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("create table orders (id bigint primary key, customer text not null,"
                    + " item text not null, quantity int not null)");
            statement.execute("insert into orders select g, 'customer-' || g, 'sku-' || (g * 7 % 97), 1 + g % 9"
                    + " from generate_series(1, " + ORDERS + ") g");
            try (ResultSet rows = statement.executeQuery("select id, customer, item, quantity from orders")) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String item = rows.getString(3);
                    int quantity = rows.getInt(4);
                    long unitCents = downstream.unitCents(item);
                    expected.put(id, String.format(
                            "{\"id\":%d,\"customer\":\"%s\",\"item\":\"%s\",\"quantity\":%d,\"unitCents\":%d,"
                                    + "\"totalCents\":%d}",
                            id, rows.getString(2), item, quantity, unitCents, quantity * unitCents));
                }
            }
        }
        assertThat(expected).hasSize(ORDERS);
        return expected;
    }

    /**
     * Start the application in {@code jvm} and check one order and one missing order; warm it up with one
     * request from each client, all at once; then time the clients' requests while its OS threads are
     * sampled, and stop it.
     */
    private static Load load(ForkedJvm jvm, PostgresServer postgres, Downstream downstream,
                             Map<Long, String> expected) throws Exception {
        ServerJvm server = jvm.startJar(BuildOutputs.appJar(APP), "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--downstream.url=" + downstream.url());
        Clients warmUp = new Clients(server.port(), expected, 1);
        Clients clients = new Clients(server.port(), expected, REQUESTS_PER_CLIENT);
        int loadStart;
        int loadEnd;
        List<String> peakThreads;
        ForkedJvm.Result result;
        try {
            try (Socket socket = connect(server.port())) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                assertThat(get(socket, in, 1).body()).isEqualTo(expected.get(1L));
                assertThat(get(socket, in, ORDERS + 1).statusLine()).isEqualTo("HTTP/1.1 404 ");
            }
            PeakOsThreads peak = PeakOsThreads.of(server);
            try {
                warmUp.run();
                loadStart = server.stderrSoFar().length();
                clients.run();
                loadEnd = server.stderrSoFar().length();
            } finally {
                peakThreads = peak.peak();
            }
        } finally {
            result = server.stop();
        }
        for (Clients run : List.of(warmUp, clients)) {
            assertThat(run.failures).as("requests that failed").isEmpty();
            assertThat(run.right.get()).as("right answers").isEqualTo(CLIENTS * run.requestsPerClient);
        }
        assertThat(result.exitCode()).as("exit status on SIGTERM: %s", result).isEqualTo(143);
        assertThat(result.stdout()).as("%s", result).matches("listening on \\d+\n");
        assertThat(result.programErrors()).as("what the application wrote to standard error: %s", result).isEmpty();
        return new Load(result, clients.right.get() / (clients.nanos / 1e9), clients.peakInFlight.get(),
                peakThreads, loadStart, loadEnd);
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static HttpReply get(Socket socket, InputStream in, long id) throws IOException {
        send(socket, id);
        return HttpReply.read(in);
    }

    private static void send(Socket socket, long id) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /orders/" + id + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Return how many threads each name has, digits left out ({@code http-nio-#-exec-#}). */
    private static Map<String, Integer> byName(List<String> threads) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String thread : threads) {
            counts.merge(thread.replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Hold one run of the application.
     *
     * @param result what its JVM did
     * @param requestsPerSecond right answers per second while all clients ran
     * @param peakInFlight the most requests sent and not yet answered at once
     * @param peakThreads the names of its OS threads at the sample that had the most
     * @param loadStart how much it had written to standard error when the timed requests started
     * @param loadEnd how much it had written to standard error when they had all been answered
     */
    private record Load(ForkedJvm.Result result, double requestsPerSecond, int peakInFlight,
                        List<String> peakThreads, int loadStart, int loadEnd) {

        boolean duringLoad(StallReport stall) {
            return stall.at() >= loadStart && stall.at() < loadEnd;
        }

        @Override
        public String toString() {
            return String.format("%.1f requests/s, peak %d requests in flight, peak %d OS threads",
                    requestsPerSecond, peakInFlight, peakThreads.size());
        }
    }

    /**
     * The clients: each a platform thread with a keep-alive connection of its own, sending its requests one
     * after the other and checking each answer.
     */
    private static final class Clients {
        private final int port;
        private final Map<Long, String> expected;
        final int requestsPerClient;
        final AtomicInteger right = new AtomicInteger();
        final AtomicInteger peakInFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        long nanos;

        Clients(int port, Map<Long, String> expected, int requestsPerClient) {
            this.port = port;
            this.expected = expected;
            this.requestsPerClient = requestsPerClient;
        }

        /**
         * Open every client's connection, one after the other (a burst of 1,000 connects would overflow
         * Tomcat's accept backlog of 100 and wait for SYN retransmissions), start every client waiting for its
         * first answer, send all first requests from this thread, so that all are in flight at once whatever
         * order the clients' threads get a CPU in, and wait for the clients.
         */
        void run() throws IOException, InterruptedException {
            List<Socket> sockets = new ArrayList<>(CLIENTS);
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    sockets.add(connect(port));
                }
                CountDownLatch waiting = new CountDownLatch(CLIENTS);
                List<Thread> threads = new ArrayList<>(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    Socket socket = sockets.get(c);
                    threads.add(Thread.ofPlatform().name("spring-client-" + c).start(() -> {
                        waiting.countDown();
                        answers(client, socket);
                    }));
                }
                waiting.await();
                long start = System.nanoTime();
                for (int c = 0; c < CLIENTS; c++) {
                    try {
                        send(sockets.get(c), order(c, 0));
                    } catch (IOException e) {
                        failures.add("client " + c + ": " + e);
                        sockets.get(c).close();
                    }
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                nanos = System.nanoTime() - start;
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }

        private long order(int client, int request) {
            return ((long) client * requestsPerClient + request) % ORDERS + 1;
        }

        private void send(Socket socket, long id) throws IOException {
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            SpringBootIT.send(socket, id);
        }

        /** Read and check the answers to {@code client}'s requests, sending each after the first. */
        private void answers(int client, Socket socket) {
            try {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int r = 0; r < requestsPerClient; r++) {
                    long id = order(client, r);
                    if (r > 0) {
                        send(socket, id);
                    }
                    HttpReply reply;
                    try {
                        reply = HttpReply.read(in);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    if (reply.statusLine().equals("HTTP/1.1 200 ")
                            && reply.header("Content-Type").equals("application/json")
                            && reply.body().equals(expected.get(id))) {
                        right.incrementAndGet();
                    } else {
                        failures.add("order " + id + ": " + reply);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures.add("client " + client + ": " + e);
            }
        }
    }

    /**
     * The downstream price service, the JDK's HTTP server on a pool as large as Tomcat's: {@code GET
     * /prices/sku-<n>} answers the item's price in cents, which depends on {@code n} alone.
     */
    private static final class Downstream implements AutoCloseable {
        private static final Pattern ITEM = Pattern.compile("/prices/(sku-(\\d+))");

        private final HttpServer server;
        private final ExecutorService pool;

        private Downstream(HttpServer server, ExecutorService pool) {
            this.server = server;
            this.pool = pool;
        }

        static Downstream start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CLIENTS);
            ExecutorService pool = Executors.newFixedThreadPool(TOMCAT_THREADS);
            server.setExecutor(pool);
            Downstream downstream = new Downstream(server, pool);
            server.createContext("/prices/", downstream::price);
            server.start();
            return downstream;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        long unitCents(String item) {
            Matcher m = ITEM.matcher("/prices/" + item);
            assertThat(m.matches()).as("item %s", item).isTrue();
            return 100 + Long.parseLong(m.group(2)) * 37;
        }

        private void price(HttpExchange exchange) throws IOException {
            try (exchange) {
                Matcher m = ITEM.matcher(exchange.getRequestURI().getPath());
                if (!m.matches()) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = String.format("{\"item\":\"%s\",\"unitCents\":%d}", m.group(1), unitCents(m.group(1)))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.close();
        }
    }
}
