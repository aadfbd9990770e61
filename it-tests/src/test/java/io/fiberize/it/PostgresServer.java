package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run a throwaway PostgreSQL server of the machine's binaries: {@code initdb} into a temporary directory,
 * {@code postgres} on a free port of 127.0.0.1 with trust authentication, one database; {@link #close}
 * stops it with {@code pg_ctl stop -m fast} and deletes the directory.
 *
 * <p>{@code initdb} refuses to run as root, so as root every command runs as the {@code postgres} user
 * (created as a system user if missing) through {@code runuser}.
 */
final class PostgresServer implements AutoCloseable {

    /** Where Debian's {@code postgresql} package puts the server's binaries (one directory per major version). */
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String USER = "postgres";
    private static final String DATABASE = "fiberize";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Process server;

    private PostgresServer(Path bin, Path dir, int port, Process server) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /**
     * Skip the test (fail it on CI) unless the server's binaries are installed.
     */
    static void requireInstalled() {
        HostPackage.require(bin().resolve("postgres"), "postgresql");
    }

    /**
     * Create a cluster, start it with {@code settings} ({@code -c name=value}), wait until it accepts
     * connections and create the database.
     */
    static PostgresServer start(String... settings) throws IOException, InterruptedException {
        Path bin = bin();
        Path dir = Files.createTempDirectory("fiberize-postgres");
        if (isRoot()) {
            if (run(List.of("id", "-u", USER)) != 0) {
                check(List.of("useradd", "--system", "--no-create-home", USER));
            }
            check(List.of("chown", USER, dir.toString()));
        }
        Path data = dir.resolve("data");
        check(asUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "--encoding=UTF8", "--no-sync")));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off"));
        for (String setting : settings) {
            command.addAll(List.of("-c", setting));
        }
        Process server = new ProcessBuilder(asUser(command)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        PostgresServer postgres = new PostgresServer(bin, dir, port, server);
        try {
            postgres.awaitReady();
            check(asUser(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
                    Integer.toString(port), "-U", USER, DATABASE)));
        } catch (RuntimeException | Error e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /**
     * Return the JDBC URL of the database.
     */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(asUser(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", dir.resolve("data").toString(),
                "-m", "fast", "-w")));
        HostCommand.endAndDelete(server, dir);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run(List.of(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-q")) != 0) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                fail("PostgreSQL did not start; its log:%n%s",
                        Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
    }

    private static Path bin() {
        Path preferred = VERSIONS.resolve("15").resolve("bin");
        if (Files.isDirectory(preferred)) {
            return preferred;
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(version -> version.resolve("bin")).filter(Files::isDirectory)
                    .max(Comparator.naturalOrder()).orElse(preferred);
        } catch (IOException e) {
            return preferred;
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("id", "-u").start();
        String uid = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        process.waitFor();
        return uid.equals("0");
    }

    private static List<String> asUser(List<String> command) throws IOException, InterruptedException {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void check(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("postgres-command", ".out");
        try {
            int status = run(command, output.toFile());
            assertThat(status).as("%s:%n%s", String.join(" ", command), Files.readString(output)).isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        return run(command, new File("/dev/null"));
    }

    private static int run(List<String> command, File output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("%s did not end within 60 s", String.join(" ", command));
        }
        return process.exitValue();
    }
}
