package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.NetHooks;
import java.io.FileDescriptor;

/**
 * Tell the loops about every close of a socket or pipe descriptor before it happens, so that a
 * lasting (edge-triggered) registration of the descriptor is dropped before the kernel can give
 * its number to a new socket ({@link NetHooks#closing}).
 *
 * <p>Every socket, datagram, server-socket and pipe channel of the JDK closes its descriptor
 * through a {@code sun.nio.ch.NativeDispatcher}: {@code close} (sockets and datagrams through
 * {@code UnixDispatcher}, pipes through {@code UnixFileDispatcherImpl}), or first {@code preClose},
 * which puts a closed socket in the descriptor's place with {@code dup2} while other threads still
 * use it. The unreachable {@code Socket} that the JDK's cleaner closes takes the same path.
 */
public final class DescriptorCloseInstrumentation extends JdkMethodInstrumentation {

    private DescriptorCloseInstrumentation(String className, Target target) {
        super("descriptor closes (" + className + ")", className, target);
    }

    /** {@code UnixDispatcher.close(FileDescriptor)}: sockets, server sockets and datagram sockets. */
    public static DescriptorCloseInstrumentation sockets() {
        return new DescriptorCloseInstrumentation("sun.nio.ch.UnixDispatcher", closing("close"));
    }

    /** {@code UnixFileDispatcherImpl.close(FileDescriptor)}: pipe channels (and file channels). */
    public static DescriptorCloseInstrumentation pipes() {
        return new DescriptorCloseInstrumentation("sun.nio.ch.UnixFileDispatcherImpl", closing("close"));
    }

    /** {@code NativeDispatcher.preClose(FileDescriptor, long, long)}: a close while threads still use the socket. */
    public static DescriptorCloseInstrumentation preCloses() {
        return new DescriptorCloseInstrumentation("sun.nio.ch.NativeDispatcher",
                Target.of(Advice.callFirst(NetHooks.class, "closing"), "preClose",
                        FileDescriptor.class.getName(), "long", "long"));
    }

    private static Target closing(String method) {
        return Target.of(Advice.callFirst(NetHooks.class, "closing"), method, FileDescriptor.class.getName());
    }
}
