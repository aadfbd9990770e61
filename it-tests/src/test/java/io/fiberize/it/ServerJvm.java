package io.fiberize.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hold a server running in a JVM of its own: its port, its OS threads while it runs, its output once stopped.
 *
 * <p>Made by {@link ForkedJvm#start}. The server's standard output and error go to files, read when it
 * says which port it listens on and when it is stopped.
 */
final class ServerJvm implements AutoCloseable {
    private static final String TCP_LISTEN = "0A";

    private static final Pattern LISTENING = Pattern.compile("^listening on (\\d+)$", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final String command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;
    private ForkedJvm.Result result;

    private ServerJvm(String command, Process process, Path stdout, Path stderr, int port) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /**
     * Start {@code builder}, whose output goes to {@code stdout} and {@code stderr}, and wait for its
     * {@code listening on <port>} line; fail the test if it exits or stays silent instead.
     */
    static ServerJvm start(String command, ProcessBuilder builder, Path stdout, Path stderr)
            throws IOException, InterruptedException {
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Matcher listening = LISTENING.matcher(Files.readString(stdout));
            if (listening.find()) {
                return new ServerJvm(command, process, stdout, stderr, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "did not say 'listening on <port>' within " + START_TIMEOUT
                        : "exited with status " + process.exitValue() + " before saying 'listening on <port>'";
                process.destroyForcibly().waitFor();
                String output = "\nstdout:\n" + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr);
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
                fail(command + " " + why + output);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Return the port the server listens on, on the loopback address.
     */
    int port() {
        return port;
    }

    /**
     * Return what the server printed on standard output so far.
     */
    String stdoutSoFar() throws IOException {
        return Files.readString(stdout);
    }

    /**
     * Return what the server printed on standard error so far.
     */
    String stderrSoFar() throws IOException {
        return Files.readString(stderr);
    }

    /**
     * Return the server's process id.
     */
    long pid() {
        return process.pid();
    }

    /**
     * Return the names of the server's OS threads now (from {@code /proc/<pid>/task/*}{@code /comm}, where
     * Linux cuts each name to 15 characters).
     */
    List<String> osThreads() throws IOException {
        List<String> names = new ArrayList<>();
        Path taskDirectory = Path.of("/proc", Long.toString(process.pid()), "task");
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDirectory)) {
            for (Path task : tasks) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (NoSuchFileException e) {
                    // The thread ended while we listed the others.
                }
            }
        }
        return names;
    }

    /**
     * Return the inodes of the TCP sockets in LISTEN state that the server holds now: its socket
     * inodes (from {@code /proc/<pid>/fd}) that {@code /proc/<pid>/net/tcp} and {@code tcp6} list as
     * listening.
     */
    Set<String> listeningTcpSockets() throws IOException {
        String pid = Long.toString(process.pid());
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pid, "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor was closed while we listed the others.
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> rows = Files.readAllLines(Path.of("/proc", pid, "net", table));
            for (String row : rows.subList(1, rows.size())) {
                String[] fields = row.trim().split("\\s+");
                if (fields[3].equals(TCP_LISTEN) && inodes.contains(fields[9])) {
                    listening.add(fields[9]);
                }
            }
        }
        return listening;
    }

    /**
     * End the server with SIGTERM (forcibly if it does not end in time) and return what it did.
     */
    ForkedJvm.Result stop() throws IOException, InterruptedException {
        if (result == null) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            result = new ForkedJvm.Result(command, process.exitValue(), Files.readString(stdout),
                    Files.readString(stderr));
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
        return result;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
