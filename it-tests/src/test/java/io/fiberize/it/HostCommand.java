package io.fiberize.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run a program of the machine (curl, wrk) and capture what it printed, byte for byte; end a
 * server a test ran from the machine's binaries.
 */
final class HostCommand {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private HostCommand() {
    }

    /**
     * Tell whether {@code program} is an executable on the {@code PATH}.
     */
    static boolean installed(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Run {@code command} to its end; its output is decoded as ISO-8859-1, one char per byte.
     */
    static ForkedJvm.Result run(String... command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("host-command", ".out");
        Path stderr = Files.createTempFile("host-command", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not end within " + TIMEOUT);
            }
            return new ForkedJvm.Result(String.join(" ", List.of(command)), process.exitValue(),
                    Files.readString(stdout, StandardCharsets.ISO_8859_1),
                    Files.readString(stderr, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * Wait for {@code server}, asked to stop, to end (killing it after 20 s), then delete {@code
     * dir}, where it kept its data, and everything in it.
     */
    static void endAndDelete(Process server, Path dir) throws IOException, InterruptedException {
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
