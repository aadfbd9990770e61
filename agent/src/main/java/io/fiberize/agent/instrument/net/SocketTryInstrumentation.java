package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.runtime.hooks.NetHooks;
import java.io.FileDescriptor;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Skip the socket calls that are bound to fail: the JDK's blocking socket code tries a read, a
 * write or an accept first and parks only on {@code EAGAIN}, so each message costs a second,
 * empty read. Its calls of {@code NativeDispatcher.read} and {@code write} and of {@code
 * Net.accept} become calls of {@link NetHooks}, which answer "nothing there" without the system
 * call when the fiber's loop knows the socket is empty (full), because a call found it so and no
 * edge came since. The JDK's code then parks as it does after {@code EAGAIN}, and tries again
 * once the socket is ready: its exceptions and timeouts stay its own.
 *
 * <p>Only the socket classes are rewritten ({@link #CALLERS}): {@code Socket} and {@code
 * ServerSocket} ({@code NioSocketImpl}), and the socket adaptors of the channels, whose blocking
 * streams and accept make the same calls.
 */
public final class SocketTryInstrumentation extends JdkCallerInstrumentation {
    /** The socket classes of JDK 25 that make the calls. */
    static final List<String> CALLERS =
            List.of("sun.nio.ch.NioSocketImpl", "sun.nio.ch.SocketChannelImpl", "sun.nio.ch.ServerSocketChannelImpl");

    public SocketTryInstrumentation() {
        super("socket reads, writes and accepts (the JDK's calls of sun.nio.ch.NativeDispatcher.read and write and"
                + " Net.accept in its socket classes)", CALLERS);
    }

    @Override
    boolean rewrites(String className) {
        return CALLERS.contains(className.replace('/', '.'));
    }

    @Override
    CallSiteRewrite calls() {
        Class<?> dispatcher = jdkClass("sun.nio.ch.NativeDispatcher");
        return CallSiteRewrite.to(NetHooks.class)
                .method(dispatcher, "read", FileDescriptor.class, long.class, int.class)
                .method(dispatcher, "write", FileDescriptor.class, long.class, int.class)
                .method(jdkClass("sun.nio.ch.Net"), "accept", FileDescriptor.class, FileDescriptor.class,
                        InetSocketAddress[].class);
    }
}
