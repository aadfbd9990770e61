package io.fiberize.benchmarks.macro;

import io.fiberize.samples.echo.EchoServer;
import io.fiberize.samples.http.HttpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Make the variants each benchmark compares: the same unmodified sample server on platform threads, JDK
 * virtual threads and fiberize, and the event-loop peers.
 *
 * <p>Every server JVM gets the same heap options and the same class path (the harness's own jar, which holds
 * the samples, Netty and the peers), so the only difference between two variants is what the label says.
 *
 * @param agentJar the fiberize agent jar
 * @param classPath the class path every server runs with
 * @param heapOptions the heap options every server runs with
 */
record ServerVariants(Path agentJar, String classPath, List<String> heapOptions) {

    /** The heap every server gets, in every benchmark but the million-connection attempt. */
    static final List<String> HEAP = List.of("-Xmx4g");
    /** The heap of the million-connection attempt: each connection holds the echo handler's 8 KiB buffer. */
    static final List<String> MILLION_HEAP = List.of("-Xmx16g");

    /** The label of the sample server on platform threads. */
    static final String PLATFORM = "platform threads";
    /** The label of the sample server on JDK virtual threads with the default scheduler. */
    static final String VIRTUAL = "virtual threads";
    /** The label of the sample server under fiberize with one loop. */
    static final String FIBERIZE_1 = "fiberize loops=1";
    /** The label of the sample server under fiberize with a loop per CPU. */
    static final String FIBERIZE_AUTO = "fiberize loops=auto";
    /** The label of the Netty peer with one event loop. */
    static final String NETTY_1 = "netty 1 loop";
    /** The label of the single-thread NIO peer. */
    static final String NIO = "raw NIO";

    /**
     * Return the echo benchmark's variants: the sample four ways, Netty with 1 and N loops, raw NIO.
     */
    List<Variant> echo() {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Variant> variants = new ArrayList<>(sample(EchoServer.class));
        variants.add(fiberize(FIBERIZE_AUTO, EchoServer.class, "auto"));
        variants.add(netty(NETTY_1, 1));
        variants.add(netty("netty " + cpus + " loops", cpus));
        variants.add(withoutAgent(NIO, NioEchoServer.class, List.of()));
        return variants;
    }

    /**
     * Return the idle-connection benchmark's variants: the echo sample on platform threads, virtual threads
     * and fiberize with one loop.
     */
    List<Variant> idle() {
        return sample(EchoServer.class);
    }

    /**
     * Return the HTTP benchmark's variants: the HTTP sample on platform threads, virtual threads and fiberize
     * with one loop.
     */
    List<Variant> http() {
        return sample(HttpServer.class);
    }

    /**
     * Return the echo sample under fiberize with one loop only, for the million-connection attempt.
     */
    Variant millionIdle() {
        return fiberize(FIBERIZE_1, EchoServer.class, "1");
    }

    private List<Variant> sample(Class<?> server) {
        return List.of(
                withoutAgent(PLATFORM, server, List.of("--threads", "platform")),
                withoutAgent(VIRTUAL, server, List.of("--threads", "virtual")),
                fiberize(FIBERIZE_1, server, "1"));
    }

    private Variant fiberize(String label, Class<?> server, String loops) {
        List<String> options = new ArrayList<>(heapOptions);
        options.add("-javaagent:" + agentJar + "=loops=" + loops + ",log=info");
        return new Variant(label, options, classPath, server.getName(), List.of());
    }

    /**
     * Return the Netty peer with {@code loops} event loops; its JVM may load Netty's native transport
     * without the JDK's warning.
     */
    private Variant netty(String label, int loops) {
        List<String> options = new ArrayList<>(heapOptions);
        options.add("--enable-native-access=ALL-UNNAMED");
        return new Variant(label, options, classPath, NettyEchoServer.class.getName(),
                List.of("--loops", Integer.toString(loops)));
    }

    private Variant withoutAgent(String label, Class<?> server, List<String> arguments) {
        return new Variant(label, heapOptions, classPath, server.getName(), arguments);
    }
}
