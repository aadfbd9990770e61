package io.fiberize.samples.loadgen;

import io.fiberize.samples.cli.BadArgumentException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Name the protocols the load generator speaks, each with what one round trip is.
 */
public enum Protocol {
    /** A message of {@code --size} bytes, echoed back: for {@code echo.EchoServer}. */
    ECHO {
        @Override
        Exchange exchange(int connection, LoadSettings settings) {
            return new EchoExchange(settings.size());
        }

        @Override
        public String workload(LoadSettings settings) {
            return settings.size() + "-byte messages, one in flight each";
        }
    },
    /** {@code GET /hello} on a kept-alive connection, and its whole response: for {@code http.HttpServer}. */
    HTTP {
        @Override
        Exchange exchange(int connection, LoadSettings settings) {
            return new HttpExchange(settings.host(), settings.port());
        }

        @Override
        public String workload(LoadSettings settings) {
            return "keep-alive GET /hello, one in flight each";
        }
    },
    /** A memcached {@code get} of the connection's own key, or one {@code set} in ten: for {@code kv.KvServer}. */
    KV {
        @Override
        Exchange exchange(int connection, LoadSettings settings) {
            return new KvExchange(connection, settings.size());
        }

        @Override
        public String workload(LoadSettings settings) {
            return (KvExchange.SET_EVERY - 1) + " gets to 1 set of a " + settings.size()
                    + "-byte value, one in flight each";
        }
    },
    /** A line to the room and the same round's line from every other client: for {@code chat.ChatServer}. */
    CHAT {
        @Override
        Exchange exchange(int connection, LoadSettings settings) {
            return new ChatExchange(settings.connections(), settings.size());
        }

        @Override
        public String workload(LoadSettings settings) {
            return "in rounds, a " + settings.size() + "-byte line from each client to the "
                    + (settings.connections() - 1) + " others";
        }
    };

    /**
     * Make what connection number {@code connection} (from 0) of a run with {@code settings} says and awaits.
     */
    abstract Exchange exchange(int connection, LoadSettings settings);

    /**
     * Describe the load in a few words, e.g. {@code 32-byte messages, one in flight each}.
     */
    public abstract String workload(LoadSettings settings);

    /**
     * Return the protocol named {@code name} (case does not matter).
     *
     * @throws BadArgumentException if there is no such protocol
     */
    public static Protocol named(String name) throws BadArgumentException {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadArgumentException("unknown protocol '" + name + "': expected one of " + names());
        }
    }

    /**
     * Return the protocols' names, e.g. {@code echo, http, kv, chat}.
     */
    public static String names() {
        return Arrays.stream(values()).map(Protocol::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
