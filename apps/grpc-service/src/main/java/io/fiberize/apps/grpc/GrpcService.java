package io.fiberize.apps.grpc;

/**
 * The command line of the jar: {@code server <port>} serves {@code fiberize.Digests}; {@code client <host>
 * <port> [threads] [calls]} calls it from that many threads (500 and 20 unless given).
 */
public final class GrpcService {
    private static final int DEFAULT_THREADS = 500;
    private static final int DEFAULT_CALLS = 20;

    private GrpcService() {
    }

    /**
     * Run the server or the client; a wrong command line gets one line of usage on standard error and exit
     * status 2.
     */
    public static void main(String[] args) throws Exception {
        try {
            if (args.length == 2 && args[0].equals("server")) {
                DigestServer.run(Integer.parseInt(args[1]));
                return;
            }
            if (args.length >= 3 && args.length <= 5 && args[0].equals("client")) {
                int threads = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_THREADS;
                int calls = args.length > 4 ? Integer.parseInt(args[4]) : DEFAULT_CALLS;
                if (threads >= 1 && calls >= 2) {
                    DigestClients.run(args[1], Integer.parseInt(args[2]), threads, calls);
                    return;
                }
            }
        } catch (NumberFormatException e) {
            // Falls through to the usage line.
        }
        System.err.println("usage: server <port> | client <host> <port> [threads >= 1] [calls >= 2]");
        System.exit(2);
    }
}
