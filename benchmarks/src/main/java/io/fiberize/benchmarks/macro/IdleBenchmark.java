package io.fiberize.benchmarks.macro;

import io.fiberize.samples.process.ProcessStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Hold many idle connections to each variant's echo server and measure the server's resident memory per
 * connection; report how far a variant got where it could not hold them all.
 */
final class IdleBenchmark {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private final Path java;

    /**
     * Create the benchmark, starting the servers with {@code java}.
     */
    IdleBenchmark(Path java) {
        this.java = java;
    }

    /**
     * Hold {@code connections} idle connections to each of {@code variants} in turn.
     */
    List<IdleResult> run(List<Variant> variants, int connections) throws InterruptedException {
        List<IdleResult> results = new ArrayList<>();
        for (Variant variant : variants) {
            results.add(hold(variant, connections));
        }
        return results;
    }

    /**
     * Hold {@code connections} idle connections to {@code variant}'s server, settle, read its memory, close.
     * A server that cannot be run at all is reported as a result with nothing established.
     */
    IdleResult hold(Variant variant, int connections) throws InterruptedException {
        try {
            return measure(variant, connections);
        } catch (IOException e) {
            System.err.println("macro: idle, " + variant.label() + ": failed: " + e.getMessage());
            return new IdleResult(variant.label(), connections, 0, -1, -1, -1, "could not run: " + e.getMessage(),
                    "", OptionalLong.empty());
        }
    }

    private IdleResult measure(Variant variant, int connections) throws IOException, InterruptedException {
        try (MeasuredServer server = MeasuredServer.start(variant, java); IdleClient client = new IdleClient()) {
            Thread.sleep(SETTLE);
            ProcessStatus before = ProcessStatus.of(server.pid());
            IdleClient.Outcome outcome = client.open(server.port(), connections, STALL_TIMEOUT, server::isAlive);
            Thread.sleep(SETTLE);
            ProcessStatus after = ProcessStatus.of(server.pid());
            client.close();
            OptionalLong resumes = server.stopAndReadJdkHelperResumes();
            IdleResult result = new IdleResult(variant.label(), connections, outcome.established(),
                    before.rssKilobytes(), after.rssKilobytes(), after.threads(),
                    outcome.failure() == null ? "" : outcome.failure(), firstError(server.errorLines()), resumes);
            System.err.printf("macro: idle, %s: %,d of %,d connections, %.2f kB each%s%n", variant.label(),
                    result.established(), connections, result.kbPerConnection(),
                    result.failure().isEmpty() ? "" : "; stopped: " + result.failure());
            return result;
        }
    }

    private static String firstError(List<String> lines) {
        return lines.stream()
                .filter(line -> line.contains("Error") || line.contains("Exception"))
                .findFirst()
                .orElse("");
    }
}
