package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run {@code wrk} against {@code GET /hello} on a local port and read its report.
 */
final class Wrk {

    private static final int THREADS = 2;
    private static final long SAMPLE_MILLIS = 500;

    /**
     * Say what to do while wrk runs, about twice a second.
     */
    interface Sampler {
        /** Take one reading of the server. */
        void sample() throws IOException;
    }

    private Wrk() {
    }

    /**
     * Return the {@code wrk} on the {@code PATH}.
     *
     * @throws IOException if there is none, saying how to install it
     */
    static Path find() throws IOException {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path wrk = Path.of(directory.isEmpty() ? "." : directory, "wrk");
            if (Files.isExecutable(wrk)) {
                return wrk;
            }
        }
        throw new IOException("wrk is not on the PATH; install it (Debian: apt-get install wrk)");
    }

    /**
     * Run {@code wrk -t2 -c<connections> -d<duration> --latency http://127.0.0.1:<port>/hello}, calling
     * {@code sampler} while it runs, and return its figures.
     *
     * @throws IOException if wrk fails or its output lacks a figure
     */
    static WrkResult run(Path wrk, int port, int connections, Duration duration, Sampler sampler)
            throws IOException, InterruptedException {
        List<String> command = List.of(wrk.toString(), "-t" + THREADS, "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency", "http://127.0.0.1:" + port + "/hello");
        Path output = Files.createTempFile("wrk-", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                sampler.sample();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with status " + process.exitValue()
                        + ":\n" + text);
            }
            try {
                return WrkResult.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
