package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Undertow ({@code apps/undertow-server}, a shaded jar) whose handler dispatches from the XNIO I/O thread to
 * the worker pool and blocks there (a sleep, a blocking read of the body), driven by 500 keep-alive clients
 * from this JVM, plainly and under the agent: every answer is right both ways, XNIO's I/O threads stay
 * platform threads while its worker threads become fibers, and the fiberized server keeps few OS threads.
 *
 * <p>No stall report may say that something held the carrier; those of a carrier computing or waiting for a CPU,
 * or loading Undertow's classes at the first requests, are printed (see {@link
 * ForkedJvm.Result#stallReportsOfABlockedCarrier}).
 */
class UndertowIT {
    private static final Path JAR = BuildOutputs.appJar("undertow-server");
    private static final int WORKER_THREADS = 200;
    private static final int CLIENTS = 500;
    private static final int REQUESTS = 20;
    private static final int BODY_BYTES = 1024;
    /** {@code \r\n\r\n} as four bytes in an int. */
    private static final int END_OF_HEAD = 0x0d0a0d0a;
    /** How Linux shows the names of XNIO's worker threads, {@code XNIO-1 task-N}, cut to 15 characters. */
    private static final String WORKER_THREAD = "XNIO-1 task-";
    private static final String XNIO_LEFT_ALONE =
            "threads of org.xnio.nio.WorkerThread (XNIO (Undertow, WildFly)) stay platform threads: XNIO's I/O"
                    + " threads run a selector loop of their own; the blocking work they dispatch runs on XNIO's"
                    + " worker pool, whose threads become fibers";

    @Test
    void fiveHundredClientsGetTheSameAnswersFromWorkerThreadsThatBecameFibers() throws Exception {
        Load plain = Load.on(ForkedJvm.jdk25());
        Load fiberized = Load.on(ForkedJvm.jdk25().agent("log=info"));

        for (Load load : List.of(plain, fiberized)) {
            assertThat(load.right()).as("right answers from %s", load.server().command()).isEqualTo(CLIENTS * REQUESTS);
            assertThat(load.server().stdout()).contains("requests answered: " + CLIENTS * REQUESTS);
            assertThat(load.server().programErrors()).as("%s", load.server())
                    .noneMatch(line -> line.contains("Exception") || line.startsWith("SEVERE") || line.startsWith("ERROR"));
        }
        ForkedJvm.Result server = fiberized.server();
        assertThat(server.agentLines()).as("%s", server).anyMatch(line -> line.contains(XNIO_LEFT_ALONE));
        assertThat(server.stderr()).as("instrumentation errors").doesNotContain("could not rewrite");
        assertThat(server.stallReportsOfABlockedCarrier()).as("%s", server.stderr()).isEmpty();
        List<StallReport> stalls = server.stallReports();
        ExitReport report = ExitReport.of(server);
        assertThat(report.get("compensations")).as("compensations, each reported with its stall: %s", report)
                .isEqualTo(stalls.stream().filter(StallReport::compensated).count());
        assertThat(report.get("jdkHelperResumes")).as("%s", report).isZero();
        assertThat(report.get("fibersStarted")).as("XNIO's worker threads, fibers: %s", report)
                .isGreaterThan(RunMode.FEW_OS_THREADS);

        assertThat(plain.osThreads().stream().filter(name -> name.startsWith(WORKER_THREAD)))
                .as("the plain server's worker threads, OS threads").hasSizeGreaterThan(RunMode.FEW_OS_THREADS);
        assertThat(fiberized.osThreads()).as("the fiberized server's OS threads")
                .hasSizeLessThan(RunMode.FEW_OS_THREADS)
                .contains("XNIO-1 I/O-1", "XNIO-1 Accept")
                .noneMatch(name -> name.startsWith(WORKER_THREAD));
        System.out.printf("Undertow %d keep-alive clients, %d worker threads: requests/s plain %d, fiberized %d"
                        + " (ratio %.2f); server OS threads (peak) %d / %d; exit report: %s;"
                        + " %d stall reports (computing, starved or loading classes): %s%n",
                CLIENTS, WORKER_THREADS, plain.perSecond(), fiberized.perSecond(),
                (double) fiberized.perSecond() / plain.perSecond(), plain.osThreads().size(),
                fiberized.osThreads().size(), report, stalls.size(),
                stalls.stream().map(StallReport::summary).toList());
    }

    /**
     * What one server did under the load: its output once stopped, its OS threads at their peak, the right
     * answers it gave and the rate.
     *
     * @param server     the server, stopped
     * @param osThreads  its OS threads at the peak of the load
     * @param right      right answers
     * @param perSecond  requests per second over the whole load
     */
    private record Load(ForkedJvm.Result server, List<String> osThreads, int right, long perSecond) {

        static Load on(ForkedJvm jvm) throws Exception {
            try (ServerJvm server = jvm.startJar(JAR, "0", Integer.toString(WORKER_THREADS))) {
                AtomicInteger right = new AtomicInteger();
                List<String> osThreads;
                long nanos;
                try (PeakOsThreads peak = PeakOsThreads.of(server)) {
                    CountDownLatch done = new CountDownLatch(CLIENTS);
                    List<Thread> clients = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int c = 0; c < CLIENTS; c++) {
                        int client = c;
                        clients.add(Thread.ofPlatform().name("undertow-client-" + c).start(() -> {
                            try {
                                right.addAndGet(postAll(server.port(), client));
                            } catch (IOException e) {
                                throw new AssertionError("client " + client, e);
                            } finally {
                                done.countDown();
                            }
                        }));
                    }
                    assertThat(done.await(60, TimeUnit.SECONDS)).as("all clients done").isTrue();
                    nanos = System.nanoTime() - start;
                    osThreads = peak.peak();
                }
                return new Load(server.stop(), osThreads, right.get(),
                        (long) CLIENTS * REQUESTS * TimeUnit.SECONDS.toNanos(1) / nanos);
            }
        }

        /** Send {@value #REQUESTS} digests on one keep-alive connection and return how many came back right. */
        private static int postAll(int port, int client) throws IOException {
            int right = 0;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(RawConnection.READ_TIMEOUT_MILLIS);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int r = 0; r < REQUESTS; r++) {
                    byte[] body = body(client, r);
                    out.write(("POST /digest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    if (readResponse(in).equals("HTTP/1.1 200 OK\n" + expected(body))) {
                        right++;
                    }
                }
            }
            return right;
        }

        private static byte[] body(int client, int request) {
            byte[] body = new byte[BODY_BYTES - (client + request) % 64];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (client * 31 + request * 7 + i);
            }
            return body;
        }

        private static String expected(byte[] body) throws IOException {
            try {
                return "sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                        + " bytes=" + body.length + "\n";
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
        }

        /** Read one response and return its status line, a newline and its body (by its Content-Length). */
        private static String readResponse(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int lastFour = 0;
            while (lastFour != END_OF_HEAD) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + head);
                }
                head.write(b);
                lastFour = lastFour << 8 | b;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int length = 0;
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, "Content-Length:".length())) {
                    length = Integer.parseInt(line.substring("Content-Length:".length()).strip());
                }
            }
            return lines[0] + "\n" + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
    }
}
