package io.fiberize.runtime.jdk;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Call the JDK's own socket calls of {@code sun.nio.ch} that a hook stands in front of.
 *
 * <p>Needs {@code java.base/sun.nio.ch} opened to the runtime's module; {@link #check()} reports
 * what is missing.
 */
public final class JdkNet {
    private static final MethodHandle LISTEN;  // (FileDescriptor, int) -> void
    private static final MethodHandle READ;    // (NativeDispatcher as Object, FileDescriptor, long, int) -> int
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle listen = null;
        MethodHandle read = null;
        Throwable unavailable = null;
        try {
            Class<?> net = Class.forName("sun.nio.ch.Net", false, null);
            listen = MethodHandles.privateLookupIn(net, MethodHandles.lookup())
                    .findStatic(net, "listen", MethodType.methodType(void.class, FileDescriptor.class, int.class));
            Class<?> dispatcher = Class.forName("sun.nio.ch.NativeDispatcher", false, null);
            read = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup())
                    .findVirtual(dispatcher, "read", MethodType.methodType(int.class, FileDescriptor.class, long.class,
                            int.class))
                    .asType(MethodType.methodType(int.class, Object.class, FileDescriptor.class, long.class, int.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = e;
        }
        LISTEN = listen;
        READ = read;
        UNAVAILABLE = unavailable;
    }

    private JdkNet() {
    }

    /**
     * Say what this JDK lacks that the socket hooks need, or return {@code null}.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's listen and read calls (sun.nio.ch.Net.listen, NativeDispatcher.read) are not reachable ("
                        + UNAVAILABLE + ")";
    }

    /** {@code Net.listen}: mark the bound socket {@code fd} listening, with {@code backlog}. */
    public static void listen(FileDescriptor fd, int backlog) throws IOException {
        try {
            LISTEN.invokeExact(fd, backlog);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /**
     * {@code NativeDispatcher.read}: read up to {@code len} bytes from {@code fd} into native
     * memory at {@code address}; the JDK's {@code IOStatus} codes for end of stream (-1) and
     * nothing there yet (-2).
     */
    public static int read(Object dispatcher, FileDescriptor fd, long address, int len) throws IOException {
        try {
            return (int) READ.invokeExact(dispatcher, fd, address, len);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }
}
