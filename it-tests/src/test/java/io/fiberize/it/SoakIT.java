package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A long run of the unmodified echo and kv samples under the agent, with connections opening and
 * closing all the time (every byte checked), thread pools and timers coming and going in the
 * server: nothing the server holds may grow with the work it did.
 *
 * <p>The clients run in this (plain) JVM, the server in its own under the agent ({@code
 * programs.SoakServer}), which samples its heap after GC, resident memory, open descriptors and
 * the loop's live fibers, I/O waits and timers. A least-squares line through the samples (the first,
 * taken while the connections ramp up, left out) must not climb by more than a small bound over the
 * run. In {@code mvn verify} it runs 60 s with 2,000 connections open at the peak; {@code -Psoak} runs
 * it 10 minutes with 10,000 ({@code fiberize.soak.seconds}, {@code fiberize.soak.connections}). The
 * samples are written to {@code target/soak.csv}.
 */
class SoakIT {
    private static final int SECONDS = Integer.getInteger("fiberize.soak.seconds", 60);
    private static final int CONNECTIONS = Integer.getInteger("fiberize.soak.connections", 2000);
    private static final int SAMPLE_SECONDS = 10;
    private static final int CLIENT_THREADS = 4;
    private static final Pattern SAMPLE = Pattern.compile("sample heapKB=(\\d+) rssKB=(\\d+) fds=(\\d+) "
            + "fibers=(-?\\d+) ioWaits=(-?\\d+) timers=(-?\\d+)");
    private static final Pattern KV_PORT = Pattern.compile("kv port (\\d+)");

    @Test
    void nothingTheServerHoldsGrowsWhileConnectionsPoolsAndTimersComeAndGo() throws Exception {
        ForkedJvm.Result server;
        Churn churn;
        // A heap of fixed size, touched at start: the resident set then shows what grows outside
        // the heap, not G1 growing the heap to its working size in the first minute.
        try (ServerJvm jvm = ForkedJvm.jdk25().agent("log=info")
                .jvmOptions("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch")
                .classPath(BuildOutputs.programsClassPath() + File.pathSeparator + BuildOutputs.samplesClassPath())
                .start("programs.SoakServer", Integer.toString(SAMPLE_SECONDS))) {
            churn = new Churn(jvm.port(), kvPort(jvm));
            churn.run(SECONDS * 1000L + 2000);
            server = jvm.stop();
        }
        assertThat(churn.wrong.get()).as("exchanges whose answer was wrong, of %d", churn.exchanges.get()).isZero();
        assertThat(churn.failed.get()).as("connections that failed, of %d", churn.opened.get()).isZero();
        assertThat(churn.opened.get()).as("connections opened").isGreaterThan(CONNECTIONS);
        assertThat(server.stderr()).doesNotContain("server stopped");

        Map<String, List<Long>> samples = samples(server.stderr());
        write(samples);
        List<Long> fds = samples.get("fds");
        assertThat(fds.size()).as("samples in %s", server.stderr()).isGreaterThanOrEqualTo(SECONDS / SAMPLE_SECONDS - 1);
        assertThat(rise(samples.get("heapKB"))).as("heap after GC, KB: %s", samples.get("heapKB")).isLessThan(16 * 1024);
        assertThat(rise(samples.get("rssKB"))).as("resident memory, KB: %s", samples.get("rssKB")).isLessThan(128 * 1024);
        long countBound = CONNECTIONS / 10 + 100;
        assertThat(rise(fds)).as("open descriptors: %s", fds).isLessThan(countBound);
        assertThat(rise(samples.get("fibers"))).as("live fibers: %s", samples.get("fibers")).isLessThan(countBound);
        assertThat(rise(samples.get("ioWaits"))).as("I/O waits: %s", samples.get("ioWaits")).isLessThan(countBound);
        assertThat(rise(samples.get("timers"))).as("timers: %s", samples.get("timers")).isLessThan(1000);
    }

    /** Return the kv sample's port, which the server prints before it says it listens. */
    private static int kvPort(ServerJvm jvm) throws IOException {
        Matcher m = KV_PORT.matcher(jvm.stdoutSoFar());
        assertThat(m.find()).as("kv port in %s", jvm.stdoutSoFar()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Return how much the least-squares line through {@code values}, the first left out, climbs over them. */
    static double rise(List<Long> values) {
        List<Long> steady = values.subList(1, values.size());
        int n = steady.size();
        double meanX = (n - 1) / 2.0;
        double meanY = steady.stream().mapToLong(Long::longValue).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanX) * (steady.get(i) - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return variance == 0 ? 0 : covariance / variance * (n - 1);
    }

    private static Map<String, List<Long>> samples(String stderr) {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        List<String> names = List.of("heapKB", "rssKB", "fds", "fibers", "ioWaits", "timers");
        names.forEach(name -> samples.put(name, new ArrayList<>()));
        Matcher m = SAMPLE.matcher(stderr);
        while (m.find()) {
            for (int i = 0; i < names.size(); i++) {
                samples.get(names.get(i)).add(Long.parseLong(m.group(i + 1)));
            }
        }
        return samples;
    }

    private static void write(Map<String, List<Long>> samples) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("seconds," + String.join(",", samples.keySet()));
        int n = samples.get("fds").size();
        for (int i = 0; i < n; i++) {
            StringBuilder line = new StringBuilder(Integer.toString((i + 1) * SAMPLE_SECONDS));
            for (List<Long> values : samples.values()) {
                line.append(',').append(values.get(i));
            }
            lines.add(line.toString());
        }
        Files.write(Path.of("target", "soak.csv"), lines);
    }

    /** Clients that keep their share of the connections open, opening a new one and closing the oldest all the time. */
    private static final class Churn {
        private final int echoPort;
        private final int kvPort;
        final AtomicLong opened = new AtomicLong();
        final AtomicLong exchanges = new AtomicLong();
        final AtomicLong wrong = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Churn(int echoPort, int kvPort) {
            this.echoPort = echoPort;
            this.kvPort = kvPort;
        }

        void run(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENT_THREADS; c++) {
                int client = c;
                clients.add(Thread.ofPlatform().name("soak-client-" + c).start(() -> churn(client, deadline)));
            }
            for (Thread client : clients) {
                client.join();
            }
        }

        private void churn(int client, long deadline) {
            Deque<Socket> open = new ArrayDeque<>();
            int share = CONNECTIONS / CLIENT_THREADS;
            long serial = 0;
            try {
                while (System.currentTimeMillis() < deadline) {
                    boolean kv = serial % 2 == 1;
                    Socket socket;
                    try {
                        socket = new Socket(InetAddress.getLoopbackAddress(), kv ? kvPort : echoPort);
                        socket.setSoTimeout(10_000);
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        continue;
                    }
                    opened.incrementAndGet();
                    open.addLast(socket);
                    exchange(socket, client + "-" + serial++);
                    if (open.size() > share) {
                        Socket oldest = open.removeFirst();
                        exchange(oldest, client + "-" + serial++);
                        close(oldest);
                    }
                }
            } finally {
                open.forEach(Churn::close);
            }
        }

        /** Send a checked message on {@code socket} (echo or kv by its port) and check the answer. */
        private void exchange(Socket socket, String key) {
            byte[] payload = new byte[32];
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('a' + random.nextInt(26));
            }
            try {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                boolean right;
                if (socket.getPort() == echoPort) {
                    out.write(payload);
                    right = Arrays.equals(in.readNBytes(payload.length), payload);
                } else {
                    String data = new String(payload, StandardCharsets.US_ASCII);
                    out.write(("set " + key + " 0 0 32\r\n" + data + "\r\nget " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    String expected = "STORED\r\nVALUE " + key + " 0 32\r\n" + data + "\r\nEND\r\n";
                    right = new String(in.readNBytes(expected.length()), StandardCharsets.US_ASCII).equals(expected);
                }
                exchanges.incrementAndGet();
                if (!right) {
                    wrong.incrementAndGet();
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was asked
            }
        }
    }
}
