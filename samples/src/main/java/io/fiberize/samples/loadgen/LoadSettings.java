package io.fiberize.samples.loadgen;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import java.time.Duration;
import java.util.List;

/**
 * Describe one load run: which protocol, where to connect, how many connections, how big a message, how long.
 *
 * @param protocol what each connection sends and awaits
 * @param host the server's address
 * @param port the server's port
 * @param connections how many connections to hold open, each with one message in flight
 * @param size the size of each message (echo), value (kv) or line (chat), in bytes
 * @param warmup how long to send before measuring
 * @param duration how long to measure
 * @param threads how many threads drive the connections, each with its own selector
 * @param source the local address to connect from (e.g. {@code 127.0.0.2}), or empty for the system's choice
 */
public record LoadSettings(Protocol protocol, String host, int port, int connections, int size, Duration warmup,
        Duration duration, int threads, String source) {

    /** Name the options {@link #from} reads. */
    public static final List<String> OPTIONS =
            List.of("protocol", "host", "port", "connections", "size", "warmup", "duration", "threads", "source");

    /** Describe the options {@link #from} reads, one per line, for a program's usage text. */
    public static final String USAGE = """
              --protocol P       echo, http (GET /hello), kv (memcached get/set) or chat (default echo)
              --host H           server address (default 127.0.0.1)
              --port N           server port (required)
              --connections N    connections held open, each with one message in flight (default 1000)
              --size N           bytes per message, value or line (default 32)
              --warmup D         time spent sending before measuring, e.g. 2s or 500ms (default 2s)
              --duration D       time measured (default 10s)
              --threads N        threads driving the connections (default: half the CPUs, 1 to 4)
              --source A         local address to connect from, e.g. 127.0.0.2 (default: the system's choice)
            """;

    /**
     * Read the settings from parsed command-line options, with the defaults above.
     *
     * @throws BadArgumentException if an option is invalid or {@code --port} is missing
     */
    public static LoadSettings from(Arguments arguments) throws BadArgumentException {
        int port = arguments.number("port", -1, 1, 65535);
        if (port < 0) {
            throw new BadArgumentException("--port is required");
        }
        Duration duration = arguments.duration("duration", Duration.ofSeconds(10));
        if (duration.isZero()) {
            throw new BadArgumentException("--duration must be more than 0");
        }
        int defaultThreads = Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 4);
        Protocol protocol = Protocol.named(arguments.text("protocol", "echo"));
        int connections = arguments.number("connections", 1000, protocol == Protocol.CHAT ? 2 : 1, 1_000_000);
        return new LoadSettings(
                protocol,
                arguments.text("host", "127.0.0.1"),
                port,
                connections,
                arguments.number("size", 32, 1, 1 << 20),
                arguments.duration("warmup", Duration.ofSeconds(2)),
                duration,
                arguments.number("threads", defaultThreads, 1, 256),
                arguments.text("source", ""));
    }

    /**
     * Return the same settings aimed at another port.
     */
    public LoadSettings withPort(int newPort) {
        return new LoadSettings(protocol, host, newPort, connections, size, warmup, duration, threads, source);
    }
}
