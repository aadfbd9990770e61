package io.fiberize.runtime.jdk;

import java.io.FileDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.FileChannel;

/**
 * Tell a regular file from a pipe, FIFO, terminal or device, through the JDK's own {@code fstat}
 * native in {@code sun.nio.ch}.
 *
 * <p>The offload pool sends calls on descriptors that are not regular files (or directories) to
 * workers of their own: such a call waits for another party and may never return. The JDK answers
 * with {@code UnixFileDispatcherImpl.isOther0}, one {@code fstat(2)} per question (about a
 * microsecond, a few percent of an offloaded call). Needs {@code java.base/sun.nio.ch} opened to
 * the runtime's module; where it is not, or the descriptor cannot be asked about (closed), every
 * descriptor is taken for a regular file, which is what the offload pool did before it asked.
 */
public final class FileKinds {
    private static final MethodHandle IS_OTHER;     // (FileDescriptor) -> boolean
    private static final MethodHandle CHANNEL_FD;   // (FileChannel) -> FileDescriptor
    private static final MethodHandle FD_VAL;       // (FileDescriptor) -> int
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle isOther = null, channelFd = null, fdVal = null;
        Throwable unavailable = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> dispatcher = Class.forName("sun.nio.ch.UnixFileDispatcherImpl");
            isOther = MethodHandles.privateLookupIn(dispatcher, lookup)
                    .findStatic(dispatcher, "isOther0", MethodType.methodType(boolean.class, FileDescriptor.class));
            Class<?> channel = Class.forName("sun.nio.ch.FileChannelImpl");
            channelFd = MethodHandles.privateLookupIn(channel, lookup)
                    .findGetter(channel, "fd", FileDescriptor.class)
                    .asType(MethodType.methodType(FileDescriptor.class, FileChannel.class));
            Class<?> io = Class.forName("sun.nio.ch.IOUtil");
            fdVal = MethodHandles.privateLookupIn(io, lookup)
                    .findStatic(io, "fdVal", MethodType.methodType(int.class, FileDescriptor.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = e;
        }
        IS_OTHER = isOther;
        CHANNEL_FD = channelFd;
        FD_VAL = fdVal;
        UNAVAILABLE = unavailable;
    }

    private FileKinds() {
    }

    /**
     * Say what this JDK lacks that telling descriptors apart needs, or return {@code null}.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's fstat native (sun.nio.ch.UnixFileDispatcherImpl.isOther0) is not reachable (" + UNAVAILABLE + ")";
    }

    /**
     * Say whether {@code fd} is open on something other than a regular file or a directory: a
     * pipe, FIFO, socket, terminal, character or block device.
     */
    public static boolean isOther(FileDescriptor fd) {
        if (UNAVAILABLE != null || fd == null || !fd.valid()) {
            return false;
        }
        try {
            return (boolean) IS_OTHER.invokeExact(fd);
        } catch (Throwable t) {
            return false; // closed meanwhile: the call itself will say so
        }
    }

    /**
     * Say whether the JDK's file channel {@code channel} is open on something other than a regular
     * file or a directory; {@code false} for any other implementation of {@link FileChannel}.
     */
    public static boolean isOther(FileChannel channel) {
        if (UNAVAILABLE != null || !channel.getClass().getName().equals("sun.nio.ch.FileChannelImpl")) {
            return false;
        }
        try {
            return isOther((FileDescriptor) CHANNEL_FD.invokeExact(channel));
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Return the number of the open descriptor {@code fd}, or -1 when it is closed or the JDK's
     * native is not reachable.
     */
    public static int number(FileDescriptor fd) {
        if (UNAVAILABLE != null || !fd.valid()) {
            return -1;
        }
        try {
            return (int) FD_VAL.invokeExact(fd);
        } catch (Throwable t) {
            return -1;
        }
    }
}
