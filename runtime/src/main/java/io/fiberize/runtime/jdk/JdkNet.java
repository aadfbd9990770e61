package io.fiberize.runtime.jdk;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;

/**
 * Call the JDK's own socket calls of {@code sun.nio.ch} that a hook stands in front of.
 *
 * <p>Needs {@code java.base/sun.nio.ch} opened to the runtime's module; {@link #check()} reports
 * what is missing.
 */
public final class JdkNet {
    private static final MethodHandle LISTEN;  // (FileDescriptor, int) -> void
    private static final MethodHandle READ;    // (NativeDispatcher as Object, FileDescriptor, long, int) -> int
    private static final MethodHandle WRITE;   // (NativeDispatcher as Object, FileDescriptor, long, int) -> int
    private static final MethodHandle ACCEPT;  // (FileDescriptor, FileDescriptor, InetSocketAddress[]) -> int
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle listen = null;
        MethodHandle read = null;
        MethodHandle write = null;
        MethodHandle accept = null;
        Throwable unavailable = null;
        try {
            Class<?> net = Class.forName("sun.nio.ch.Net", false, null);
            MethodHandles.Lookup inNet = MethodHandles.privateLookupIn(net, MethodHandles.lookup());
            listen = inNet.findStatic(net, "listen", MethodType.methodType(void.class, FileDescriptor.class, int.class));
            accept = inNet.findStatic(net, "accept", MethodType.methodType(int.class, FileDescriptor.class,
                    FileDescriptor.class, InetSocketAddress[].class));
            Class<?> dispatcher = Class.forName("sun.nio.ch.NativeDispatcher", false, null);
            MethodHandles.Lookup inDispatcher = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup());
            MethodType transfer = MethodType.methodType(int.class, FileDescriptor.class, long.class, int.class);
            MethodType untyped = transfer.insertParameterTypes(0, Object.class);
            read = inDispatcher.findVirtual(dispatcher, "read", transfer).asType(untyped);
            write = inDispatcher.findVirtual(dispatcher, "write", transfer).asType(untyped);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = e;
        }
        LISTEN = listen;
        READ = read;
        WRITE = write;
        ACCEPT = accept;
        UNAVAILABLE = unavailable;
    }

    private JdkNet() {
    }

    /**
     * Say what this JDK lacks that the socket hooks need, or return {@code null}.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's socket calls (sun.nio.ch.Net.listen and accept, NativeDispatcher.read and write)"
                        + " are not reachable ("
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

    /** {@code NativeDispatcher.write}: as {@link #read}, from native memory to {@code fd}. */
    public static int write(Object dispatcher, FileDescriptor fd, long address, int len) throws IOException {
        try {
            return (int) WRITE.invokeExact(dispatcher, fd, address, len);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /**
     * {@code Net.accept}: accept a connection on the listening socket {@code fd} into {@code
     * newfd}, its remote address into {@code address[0]}; 1, or the JDK's {@code IOStatus} code
     * for none there yet (-2).
     */
    public static int accept(FileDescriptor fd, FileDescriptor newfd, InetSocketAddress[] address) throws IOException {
        try {
            return (int) ACCEPT.invokeExact(fd, newfd, address);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }
}
