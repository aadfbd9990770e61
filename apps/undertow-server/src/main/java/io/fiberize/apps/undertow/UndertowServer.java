package io.fiberize.apps.undertow;

import io.undertow.Undertow;
import java.net.InetSocketAddress;

/**
 * The command line of the jar: {@code <port> [worker threads] [work ms]} starts Undertow on the loopback
 * address with {@link DigestHandler} (200 worker threads and 5 ms of blocking per request unless given),
 * prints {@code listening on <port>}, and at exit the number of requests it answered.
 */
public final class UndertowServer {
    private static final int DEFAULT_WORKER_THREADS = 200;
    private static final long DEFAULT_WORK_MILLIS = 5;

    private UndertowServer() {
    }

    /**
     * Serve until the process is ended; a wrong command line gets one line of usage on standard error and
     * exit status 2.
     */
    public static void main(String[] args) {
        int port;
        int workerThreads;
        long workMillis;
        try {
            if (args.length < 1 || args.length > 3) {
                throw new NumberFormatException();
            }
            port = Integer.parseInt(args[0]);
            workerThreads = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_WORKER_THREADS;
            workMillis = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_WORK_MILLIS;
        } catch (NumberFormatException e) {
            System.err.println("usage: <port> [worker threads] [work ms]");
            System.exit(2);
            return;
        }
        DigestHandler handler = new DigestHandler(workMillis);
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setWorkerThreads(workerThreads)
                .setHandler(handler)
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> System.out.println("requests answered: " + handler.answered()), "undertow-server-shutdown"));
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().getFirst().getAddress();
        System.out.println("listening on " + address.getPort());
    }
}
