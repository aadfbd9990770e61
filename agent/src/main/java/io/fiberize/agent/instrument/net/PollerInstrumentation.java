package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.net.NetHooks;
import java.util.function.BooleanSupplier;

/**
 * Send every blocking socket wait of a fiber to its loop's selector.
 *
 * <p>Rewrites {@code sun.nio.ch.Poller.poll(int fd, int event, long nanos, BooleanSupplier
 * isOpen)}, where {@code NioSocketImpl} ({@code Socket}, {@code ServerSocket}), {@code SelChImpl}
 * (blocking {@code SocketChannel}, {@code ServerSocketChannel}, pipes) and
 * {@code DatagramChannelImpl} ({@code DatagramSocket}, {@code DatagramChannel}) park a virtual
 * thread, to return at once when {@link NetHooks#poll} parked a fiber on its loop; and {@code
 * stopPoll(int, int)}, where closing such a channel wakes it, to call {@link NetHooks#stopPoll}
 * first (the JDK's own poller is woken too). {@code SSLSocket} reads and writes through those
 * sockets and needs nothing of its own.
 */
public final class PollerInstrumentation extends JdkMethodInstrumentation {

    public PollerInstrumentation() {
        super("socket waits (sun.nio.ch.Poller)", "sun.nio.ch.Poller",
                Target.of(Advice.skipIf(NetHooks.class, "poll"),
                        "poll", "int", "int", "long", BooleanSupplier.class.getName()),
                Target.of(Advice.callFirst(NetHooks.class, "stopPoll"), "stopPoll", "int", "int"));
    }
}
