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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run a throwaway MariaDB server of the machine's binaries: {@code mariadb-install-db} into a temporary
 * directory, {@code mariadbd} on a free port of 127.0.0.1 without grant tables (any user name gets in), its
 * socket in that directory, one database, commits not flushed to disk (a test's data need not outlive it);
 * {@link #close} shuts it down and deletes the directory.
 *
 * <p>As root, the server runs with {@code --user=root}: it refuses to start as root without being told.
 */
final class MariaDbServer implements AutoCloseable {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final String INSTALL_DB = "/usr/bin/mariadb-install-db";
    private static final String ADMIN = "/usr/bin/mariadb-admin";
    private static final String CLIENT = "/usr/bin/mariadb";
    private static final String DATABASE = "fiberize";

    private final Path dir;
    private final int port;
    private final Process server;

    private MariaDbServer(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /**
     * Skip the test (fail it on CI) unless the server's binaries are installed.
     */
    static void requireInstalled() {
        HostPackage.require(MARIADBD, "mariadb-server");
    }

    /**
     * Create a data directory, start the server with {@code options} ({@code name=value}, given to it as
     * {@code --name=value}, e.g. {@code max-connections=300}), wait until it answers and create the database.
     */
    static MariaDbServer start(String... options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("fiberize-mariadb");
        List<String> asRoot = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
        Path data = dir.resolve("data");
        List<String> install = new ArrayList<>(List.of(INSTALL_DB, "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(asRoot);
        check(install);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--datadir=" + data,
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-name-resolve",
                "--innodb-flush-log-at-trx-commit=0", "--log-error=" + dir.resolve("server.log")));
        command.addAll(asRoot);
        for (String option : options) {
            command.add("--" + option);
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        MariaDbServer mariadb = new MariaDbServer(dir, port, server);
        try {
            mariadb.awaitReady();
            check(List.of(CLIENT, "--no-defaults", "--socket=" + dir.resolve("mariadb.sock"), "--user=root",
                    "--execute=CREATE DATABASE " + DATABASE));
        } catch (RuntimeException | Error e) {
            mariadb.close();
            throw e;
        }
        return mariadb;
    }

    /**
     * Return the JDBC URL of the database.
     */
    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?user=root";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server.isAlive()) {
            HostCommand.run(ADMIN, "--no-defaults", "--socket=" + dir.resolve("mariadb.sock"), "--user=root",
                    "shutdown");
        }
        HostCommand.endAndDelete(server, dir);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (HostCommand.run(ADMIN, "--no-defaults", "--socket=" + dir.resolve("mariadb.sock"), "--user=root",
                "--connect-timeout=1", "ping").exitCode() != 0) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                Path log = dir.resolve("server.log");
                fail("MariaDB did not start; its log:%n%s",
                        Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(none)");
            }
            Thread.sleep(100);
        }
    }

    private static void check(List<String> command) throws IOException, InterruptedException {
        ForkedJvm.Result result = HostCommand.run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as("%s", result).isZero();
    }
}
