package io.fiberize.samples.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Run a sample server's command line: read its options, answer {@code --help}, refuse bad
 * arguments with one line, and open its listening socket.
 */
public final class ServerCommand {
    /** The listening sockets' backlog, for every sample server and the benchmarks' peers. */
    public static final int BACKLOG = 4096;

    private final String program;
    private final String usage;

    /**
     * Create the command line of {@code program} (the prefix of its error lines) with its usage text.
     */
    public ServerCommand(String program, String usage) {
        this.program = program;
        this.usage = usage;
    }

    /**
     * Turn parsed options into what a server needs, or refuse them.
     *
     * @param <T> what the server needs
     */
    public interface Configuration<T> {
        /** Read {@code arguments}; throw {@link BadArgumentException} to refuse them. */
        T from(Arguments arguments) throws BadArgumentException;
    }

    /**
     * Parse {@code args} against {@code options} and return what {@code configuration} makes of
     * them. With {@code --help}, print the usage and exit with status 0; on a bad argument, print
     * one line to standard error and exit with status 2.
     */
    public <T> T configure(String[] args, List<String> options, Configuration<T> configuration) {
        try {
            Arguments arguments = Arguments.parse(args, options);
            if (arguments.help()) {
                System.out.print(usage);
                System.exit(0);
            }
            return configuration.from(arguments);
        } catch (BadArgumentException e) {
            System.err.println(program + ": " + e.getMessage() + "; try --help");
            System.exit(2);
            throw new IllegalStateException("unreachable", e);
        }
    }

    /**
     * Read the {@code --port} option: 0 (the default) picks a free port.
     */
    public static int port(Arguments arguments) throws BadArgumentException {
        return arguments.number("port", 0, 0, 65535);
    }

    /**
     * Listen on 127.0.0.1 at {@code port} and print {@code listening on <port>} once bound.
     */
    public static ServerSocket listen(int port) throws IOException {
        ServerSocket serverSocket = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress());
        System.out.println("listening on " + serverSocket.getLocalPort());
        return serverSocket;
    }
}
