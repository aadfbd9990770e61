package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.runtime.net.NetHooks;
import java.io.FileDescriptor;
import java.util.List;

/**
 * Skip the socket reads that are bound to fail: the JDK's blocking socket code reads first and
 * parks only on {@code EAGAIN}, so each message costs a second, empty read; its calls of {@code
 * NativeDispatcher.read} become calls of {@link NetHooks#read}, which returns "nothing there"
 * without the system call when the fiber's loop knows the socket is empty (a read found it so,
 * and no edge came since). The JDK's code then parks as it does after {@code EAGAIN}, and reads
 * once the socket is readable: its exceptions and timeouts stay its own.
 *
 * <p>Only the socket classes are rewritten ({@link #CALLERS}): {@code Socket} streams ({@code
 * NioSocketImpl}) and the streams of a {@code SocketChannel}'s socket adaptor.
 */
public final class SocketReadInstrumentation extends JdkCallerInstrumentation {
    /** The socket classes of JDK 25 that read through {@code NativeDispatcher.read}. */
    static final List<String> CALLERS = List.of("sun.nio.ch.NioSocketImpl", "sun.nio.ch.SocketChannelImpl");

    public SocketReadInstrumentation() {
        super("socket reads (the JDK's calls of sun.nio.ch.NativeDispatcher.read in its socket classes)", CALLERS);
    }

    @Override
    boolean rewrites(String className) {
        return CALLERS.contains(className.replace('/', '.'));
    }

    @Override
    CallSiteRewrite calls() {
        return CallSiteRewrite.to(NetHooks.class)
                .method(jdkClass("sun.nio.ch.NativeDispatcher"), "read", FileDescriptor.class, long.class, int.class);
    }
}
