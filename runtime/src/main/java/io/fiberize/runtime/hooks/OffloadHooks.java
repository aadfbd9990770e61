package io.fiberize.runtime.hooks;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.jdk.FileKinds;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.offload.OffloadPool;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.net.spi.InetAddressResolver;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Run the JDK's carrier-blocking calls made by fibers on the offload pool.
 *
 * <p>The agent rewrites each such call (DNS lookups, file reads and writes) to ask {@link
 * #offloading} (for {@code FileOutputStream}, {@link #offloadingWrite}) first and, if so, to return
 * what the matching method here returns: it makes the very same call again on a pool thread, where
 * the rewrite finds a platform thread and lets the original code run. The rewrite asks only when
 * the receiver's class is exactly the JDK class it rewrote: calling the method again on a subclass
 * would run the subclass's override a second time. (The JDK's own subclasses for a child
 * process's standard streams, {@code Process$PipeInputStream} and {@code PipeOutputStream}, are
 * rewritten themselves and call the same hooks.)
 *
 * <p>Calls on a descriptor that is not a regular file go to the pool's unbounded lane, all others
 * to its bounded one ({@link OffloadPool}); every hook asks {@link FileKinds} per call, since a
 * stream may be opened on anything and has no room to remember the answer.
 */
public final class OffloadHooks {
    /** How long a stream read of a pipe waits on the loop for data before a worker waits instead. */
    static final long READABLE_WAIT_NANOS = 10_000_000_000L;

    private OffloadHooks() {
    }

    /**
     * Say whether the current thread is a fiber whose blocking calls go to the offload pool: not on
     * a seeded schedule, where a call made on the carrier, blocking the loop, keeps the order of
     * events a function of the seed (a pool thread would hand the result back at any time).
     */
    public static boolean offloading() {
        FiberRuntime runtime = FiberRuntime.get();
        return runtime != null && runtime.schedule() == null && Fibers.isFiber(Thread.currentThread());
    }

    /**
     * Say whether a write to {@code out} made by the current thread goes to the offload pool: not
     * to standard output or error, which programs write to all the time and which do not block in
     * practice.
     */
    public static boolean offloadingWrite(FileOutputStream out) throws IOException {
        FileDescriptor fd = out.getFD();
        return fd != FileDescriptor.out && fd != FileDescriptor.err && offloading();
    }

    /** {@link FileInputStream#read()} on a pool thread. */
    public static int read(FileInputStream in) throws IOException {
        return streamRead(in.getFD(), in::read);
    }

    /** {@link FileInputStream#read(byte[])} on a pool thread. */
    public static int read(FileInputStream in, byte[] b) throws IOException {
        return streamRead(in.getFD(), () -> in.read(b));
    }

    /** {@link FileInputStream#read(byte[], int, int)} on a pool thread. */
    public static int read(FileInputStream in, byte[] b, int off, int len) throws IOException {
        return streamRead(in.getFD(), () -> in.read(b, off, len));
    }

    /** {@link FileOutputStream#write(int)} on a pool thread. */
    public static void write(FileOutputStream out, int b) throws IOException {
        io(out.getFD(), () -> {
            out.write(b);
            return null;
        });
    }

    /** {@link FileOutputStream#write(byte[])} on a pool thread. */
    public static void write(FileOutputStream out, byte[] b) throws IOException {
        io(out.getFD(), () -> {
            out.write(b);
            return null;
        });
    }

    /** {@link FileOutputStream#write(byte[], int, int)} on a pool thread. */
    public static void write(FileOutputStream out, byte[] b, int off, int len) throws IOException {
        io(out.getFD(), () -> {
            out.write(b, off, len);
            return null;
        });
    }

    /** {@link RandomAccessFile#read()} on a pool thread. */
    public static int read(RandomAccessFile file) throws IOException {
        return io(file.getFD(), file::read);
    }

    /** {@link RandomAccessFile#read(byte[])} on a pool thread. */
    public static int read(RandomAccessFile file, byte[] b) throws IOException {
        return io(file.getFD(), () -> file.read(b));
    }

    /** {@link RandomAccessFile#read(byte[], int, int)} on a pool thread. */
    public static int read(RandomAccessFile file, byte[] b, int off, int len) throws IOException {
        return io(file.getFD(), () -> file.read(b, off, len));
    }

    /** {@link RandomAccessFile#write(int)} on a pool thread. */
    public static void write(RandomAccessFile file, int b) throws IOException {
        io(file.getFD(), () -> {
            file.write(b);
            return null;
        });
    }

    /** {@link RandomAccessFile#write(byte[])} on a pool thread. */
    public static void write(RandomAccessFile file, byte[] b) throws IOException {
        io(file.getFD(), () -> {
            file.write(b);
            return null;
        });
    }

    /** {@link RandomAccessFile#write(byte[], int, int)} on a pool thread. */
    public static void write(RandomAccessFile file, byte[] b, int off, int len) throws IOException {
        io(file.getFD(), () -> {
            file.write(b, off, len);
            return null;
        });
    }

    /** {@link FileChannel#read(ByteBuffer)} on a pool thread. */
    public static int read(FileChannel channel, ByteBuffer dst) throws IOException {
        return io(channel, () -> channel.read(dst));
    }

    /** {@link FileChannel#read(ByteBuffer, long)} on a pool thread. */
    public static int read(FileChannel channel, ByteBuffer dst, long position) throws IOException {
        return io(channel, () -> channel.read(dst, position));
    }

    /** {@link FileChannel#write(ByteBuffer)} on a pool thread. */
    public static int write(FileChannel channel, ByteBuffer src) throws IOException {
        return io(channel, () -> channel.write(src));
    }

    /** {@link FileChannel#write(ByteBuffer, long)} on a pool thread. */
    public static int write(FileChannel channel, ByteBuffer src, long position) throws IOException {
        return io(channel, () -> channel.write(src, position));
    }

    /**
     * {@link InetAddressResolver#lookupByName} on a pool thread; the stream it returns is
     * drained there, so that no lookup is left for the fiber to do.
     */
    public static Stream<InetAddress> lookupByName(InetAddressResolver resolver, String host, LookupPolicy policy)
            throws UnknownHostException {
        InetAddress[] addresses = call(false, () -> resolver.lookupByName(host, policy).toArray(InetAddress[]::new),
                UnknownHostException.class);
        return Stream.of(addresses);
    }

    /**
     * {@link InetAddressResolver#lookupByAddress} on a pool thread.
     */
    public static String lookupByAddress(InetAddressResolver resolver, byte[] address) throws UnknownHostException {
        return call(false, () -> resolver.lookupByAddress(address), UnknownHostException.class);
    }

    /**
     * Run {@code call}, an operation on {@code fd}, on the pool: on the unbounded lane when
     * {@code fd} is not a regular file (a pipe, FIFO, terminal or device may wait for ever).
     */
    private static <T> T io(FileDescriptor fd, Callable<T> call) throws IOException {
        return call(FileKinds.isOther(fd), call, IOException.class);
    }

    /**
     * Run {@code read}, a {@code FileInputStream} read of {@code fd}, on the pool; when {@code fd}
     * is not a regular file, first park the fiber on its loop's {@code epoll} until {@code fd} is
     * readable, so that the read holds a worker only for as long as it takes to copy the data.
     *
     * <p>The read itself still runs on a worker, in blocking mode: the descriptor's flags are
     * shared with every process that has it open (a terminal, a FIFO, a child's pipe), so it is
     * not made non-blocking, and when another reader took the data first, the read blocks a worker
     * of the unbounded lane, never the loop. A descriptor {@code epoll} refuses (most character
     * devices) ends the wait at once. The wait gives up after {@link #READABLE_WAIT_NANOS} and
     * lets the worker wait instead, so that a stream closed meanwhile (its descriptor leaves the
     * {@code epoll} set without a word) still meets its read. An interrupt does not end the wait,
     * as it would not end the read on a thread; it is passed on to the read.
     */
    private static <T> T streamRead(FileDescriptor fd, Callable<T> read) throws IOException {
        if (!FileKinds.isOther(fd)) {
            return call(false, read, IOException.class);
        }
        EventLoop loop = Fibers.currentLoop();
        int number = FileKinds.number(fd);
        if (loop != null && number >= 0) {
            boolean interrupted = Thread.interrupted();
            long deadline = System.nanoTime() + READABLE_WAIT_NANOS;
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                loop.awaitFd(number, true, left, fd::valid);
                if (!Thread.interrupted()) {
                    break; // readable, not pollable, closed, or a spurious wake-up: the read finds out
                }
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return call(true, read, IOException.class);
    }

    /** Run {@code call}, an operation on {@code channel}, on the pool, as {@link #io(FileDescriptor, Callable)}. */
    private static <T> T io(FileChannel channel, Callable<T> call) throws IOException {
        return call(FileKinds.isOther(channel), call, IOException.class);
    }

    /**
     * Run {@code call} on the pool's bounded lane, or its unbounded one when {@code mayNeverReturn};
     * rethrow what it threw if it is an {@code X} or unchecked.
     */
    private static <T, X extends Exception> T call(boolean mayNeverReturn, Callable<T> call, Class<X> declared) throws X {
        try {
            OffloadPool pool = FiberRuntime.get().offload();
            return mayNeverReturn ? pool.callUnbounded(call) : pool.call(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (declared.isInstance(e)) {
                throw declared.cast(e);
            }
            throw new IllegalStateException("an offloaded call threw " + e, e);
        }
    }
}
