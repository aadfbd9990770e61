package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.runtime.hooks.NetHooks;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Send the JDK's socket waits to the loop: its calls of {@code sun.nio.ch.Poller.poll},
 * {@code pollSelector} and {@code stopPoll} become calls of {@link NetHooks}.
 *
 * <p>Every blocking socket, channel and selector operation of a virtual thread waits through one
 * of those, called from a handful of classes of {@code sun.nio.ch} ({@link #CALLERS} on JDK 25;
 * any other class of that package that calls them is rewritten as well). The calls are rewritten,
 * not the {@code Poller}'s methods, so that the {@code Poller} class, whose initializer starts the
 * JDK's poller threads, is initialized only when a virtual thread that is not a fiber needs it.
 * The {@code Poller} itself is left as it is.
 */
public final class PollerCallInstrumentation extends JdkCallerInstrumentation {
    /** The classes of JDK 25 that call the poller. */
    static final List<String> CALLERS = List.of(
            "sun.nio.ch.NioSocketImpl",
            "sun.nio.ch.SelChImpl",
            "sun.nio.ch.SocketChannelImpl",
            "sun.nio.ch.DatagramChannelImpl",
            "sun.nio.ch.NativeDispatcher",
            "sun.nio.ch.EPollSelectorImpl");
    private static final String POLLER = "sun/nio/ch/Poller";

    public PollerCallInstrumentation() {
        super("socket waits (the JDK's calls of sun.nio.ch.Poller)", CALLERS);
    }

    /** Every class of the package but the {@code Poller} itself (and its nested classes). */
    @Override
    boolean rewrites(String className) {
        return !className.startsWith(POLLER);
    }

    @Override
    CallSiteRewrite calls() {
        Class<?> poller = jdkClass("sun.nio.ch.Poller");
        return CallSiteRewrite.to(NetHooks.class)
                .method(poller, "poll", int.class, int.class, long.class, BooleanSupplier.class)
                .method(poller, "pollSelector", int.class, long.class)
                .method(poller, "stopPoll", int.class, int.class)
                .method(poller, "stopPoll", int.class);
    }
}
