package io.fiberize.runtime.jdk;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Call the JDK's own socket calls of {@code sun.nio.ch.Net} that a hook stands in front of.
 *
 * <p>Needs {@code java.base/sun.nio.ch} opened to the runtime's module; {@link #check()} reports
 * what is missing.
 */
public final class JdkNet {
    private static final MethodHandle LISTEN;  // (FileDescriptor, int) -> void
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle listen = null;
        Throwable unavailable = null;
        try {
            Class<?> net = Class.forName("sun.nio.ch.Net", false, null);
            listen = MethodHandles.privateLookupIn(net, MethodHandles.lookup())
                    .findStatic(net, "listen", MethodType.methodType(void.class, FileDescriptor.class, int.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = e;
        }
        LISTEN = listen;
        UNAVAILABLE = unavailable;
    }

    private JdkNet() {
    }

    /**
     * Say what this JDK lacks that the socket hooks need, or return {@code null}.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's listen call (sun.nio.ch.Net.listen) is not reachable (" + UNAVAILABLE + ")";
    }

    /** {@code Net.listen}: mark the bound socket {@code fd} listening, with {@code backlog}. */
    public static void listen(FileDescriptor fd, int backlog) throws IOException {
        try {
            LISTEN.invokeExact(fd, backlog);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }
}
