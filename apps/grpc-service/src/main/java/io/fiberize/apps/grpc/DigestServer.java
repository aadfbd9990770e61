package io.fiberize.apps.grpc;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serve {@code fiberize.Digests} on the loopback address with gRPC's Netty transport and its default
 * executor, until the JVM is ended; then print how many calls it answered.
 */
final class DigestServer {

    private DigestServer() {
    }

    /**
     * Listen on {@code port} (0 picks a free one), print {@code listening on <port>}, and serve until
     * the process is ended (SIGTERM: the shutdown hook prints the number of calls answered).
     */
    static void run(int port) throws IOException, InterruptedException {
        LongAdder answered = new LongAdder();
        ServerServiceDefinition digests = ServerServiceDefinition.builder(Digests.SERVICE)
                .addMethod(Digests.DIGEST, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(Digests.digest(request));
                    response.onCompleted();
                    answered.increment();
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addService(digests)
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            System.out.println("calls answered: " + answered.sum());
        }, "digest-server-shutdown"));
        System.out.println("listening on " + server.getPort());
        server.awaitTermination();
    }
}
