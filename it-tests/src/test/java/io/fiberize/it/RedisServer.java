package io.fiberize.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Run the machine's {@code redis-server} on a free port of 127.0.0.1, without persistence; {@link #close}
 * stops it.
 */
final class RedisServer implements AutoCloseable {
    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Process server;
    private final Path log;

    private RedisServer(int port, Process server, Path log) {
        this.port = port;
        this.server = server;
        this.log = log;
    }

    /**
     * Skip the test (fail it on CI) unless {@code redis-server} is installed.
     */
    static void requireInstalled() {
        HostPackage.require(REDIS_SERVER, "redis-server");
    }

    /**
     * Start the server and wait until it answers {@code PING}.
     */
    static RedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("redis-server", ".log");
        Process server = new ProcessBuilder(REDIS_SERVER.toString(), "--save", "", "--appendonly", "no",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--maxclients", "4000")
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        RedisServer redis = new RedisServer(port, server, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!redis.answersPing()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                redis.close();
                fail("redis-server did not start; its output:%n%s", output);
            }
            Thread.sleep(50);
        }
        return redis;
    }

    /**
     * Return the port it listens on.
     */
    int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
