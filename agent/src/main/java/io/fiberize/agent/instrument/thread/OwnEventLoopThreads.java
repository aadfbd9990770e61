package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.ApplicationClasses;
import io.fiberize.runtime.config.OwnLoopThreads;
import java.util.List;

/**
 * The threads fiberize leaves alone: libraries' threads that already run a non-blocking event
 * loop of their own, named by the {@code Thread} subclass the library makes them of, each with the
 * reason. A row counts for that class and its subclasses; the most specific row wins.
 *
 * <p>Such a thread gains nothing from a fiber, and one that waits in a native call ({@code
 * epoll_wait} through JNI) would pin its carrier, and with it every other fiber of the loop. Fibers
 * still call into these threads freely: a fiber that writes to a Netty channel and waits for the
 * future parks only itself, and the event-loop thread that completes the future unparks it.
 *
 * <p>An {@code include=} prefix that names a row's class (e.g. {@code include=com.example.;io.netty.})
 * runs those threads as fibers after all; {@code log=info} names each class left alone, once.
 */
public final class OwnEventLoopThreads {

    /** The table; the README's "What is fiberized" lists the same rows. */
    public static final List<OwnLoopThreads> ROWS = List.of(
            new OwnLoopThreads("io.vertx.core.impl.VertxThread", "Vert.x",
                    "its event loops are Netty's, and its worker threads run the blocking code the event loops hand"
                            + " them, on threads Vert.x tells apart by their class"),
            new OwnLoopThreads("io.netty.util.concurrent.FastThreadLocalThread", "Netty",
                    "Netty's DefaultThreadFactory makes its event loops of it (for gRPC, Lettuce, Reactor Netty,"
                            + " Vert.x and many clients); the epoll, kqueue and io_uring transports wait in a native"
                            + " call that would pin a fiber's carrier and stall every other fiber of its loop"),
            new OwnLoopThreads("org.xnio.XnioIoThread", "XNIO (Undertow, WildFly)",
                    "XNIO's I/O threads run a selector loop of their own; the blocking work they dispatch runs on"
                            + " XNIO's worker pool, whose threads become fibers"));

    private OwnEventLoopThreads() {
    }

    /**
     * Return the classes whose threads become fibers under {@code options}: the application's,
     * narrowed by {@code include} and {@code exclude}, less this table's.
     */
    public static ApplicationClasses applicationClasses(AgentOptions options) {
        return new ApplicationClasses(options.include(), options.exclude(), ROWS);
    }
}
