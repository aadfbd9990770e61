package io.fiberize.samples.demo;

import io.fiberize.samples.chat.ChatServer;
import io.fiberize.samples.echo.EchoServer;
import io.fiberize.samples.http.HttpServer;
import io.fiberize.samples.kv.KvServer;
import io.fiberize.samples.loadgen.Protocol;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Name the demos: which sample server each runs, what it is, and the load that suits it.
 */
enum Scenario {
    ECHO(EchoServer.class, "thread-per-connection echo server", Protocol.ECHO, 10_000),
    HTTP(HttpServer.class, "thread-per-connection HTTP/1.1 server", Protocol.HTTP, 1000),
    KV(KvServer.class, "thread-per-connection memcached-protocol key-value server", Protocol.KV, 1000),
    CHAT(ChatServer.class, "chat server with a reader and a writer thread per client", Protocol.CHAT, 200);

    private final Class<?> server;
    private final String description;
    private final Protocol protocol;
    private final int defaultConnections;

    Scenario(Class<?> server, String description, Protocol protocol, int defaultConnections) {
        this.server = server;
        this.description = description;
        this.protocol = protocol;
        this.defaultConnections = defaultConnections;
    }

    /**
     * Return the server's main class name.
     */
    String serverClass() {
        return server.getName();
    }

    /**
     * Describe the server in a few words, e.g. {@code thread-per-connection echo server}.
     */
    String description() {
        return description;
    }

    Protocol protocol() {
        return protocol;
    }

    int defaultConnections() {
        return defaultConnections;
    }

    /**
     * Return the scenarios' names, e.g. {@code echo, http, kv, chat}.
     */
    static String names() {
        return Arrays.stream(values()).map(Scenario::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
