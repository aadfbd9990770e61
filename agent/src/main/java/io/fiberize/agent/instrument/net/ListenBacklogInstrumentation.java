package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.runtime.hooks.ListenHooks;
import java.io.FileDescriptor;
import java.util.List;

/**
 * Listen with the system's largest accept queue: the JDK's calls of {@code sun.nio.ch.Net.listen}
 * become calls of {@link ListenHooks#listen}, which raises the backlog to {@code somaxconn} (why,
 * and which requests, is said there).
 *
 * <p>{@code Net.listen} is the one call through which every server socket of the JDK starts to
 * listen: {@code ServerSocket} (through {@code NioSocketImpl.listen}), {@code ServerSocketChannel}
 * (TCP and UNIX-domain, {@code ServerSocketChannelImpl.bind}) and
 * {@code AsynchronousServerSocketChannel}. It is native, so its calls are rewritten, in the
 * classes of {@code sun.nio.ch} that make them ({@link #CALLERS} on JDK 25; any other class of
 * that package that calls it is rewritten as well).
 */
public final class ListenBacklogInstrumentation extends JdkCallerInstrumentation {
    /** The classes of JDK 25 that call {@code Net.listen}. */
    static final List<String> CALLERS = List.of(
            "sun.nio.ch.NioSocketImpl",
            "sun.nio.ch.ServerSocketChannelImpl",
            "sun.nio.ch.AsynchronousServerSocketChannelImpl");

    public ListenBacklogInstrumentation() {
        super("listen backlogs (the JDK's calls of sun.nio.ch.Net.listen)", CALLERS);
    }

    @Override
    CallSiteRewrite calls() {
        return CallSiteRewrite.to(ListenHooks.class)
                .method(jdkClass("sun.nio.ch.Net"), "listen", FileDescriptor.class, int.class);
    }
}
