package io.fiberize.runtime.hooks;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.jdk.JdkNet;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Give every socket that starts to listen while the runtime runs the system's largest accept
 * queue, {@code somaxconn}.
 *
 * <p>Why: a cooperative acceptor runs once per round of its loop's run queue, not the moment a
 * connection arrives, so a burst of connects fills the small queue the program asked for (the
 * JDK's default is 50, which {@code new ServerSocket(port)} passes explicitly) long before the
 * acceptor empties it. Linux then drops the SYNs that find the queue full; the client sends the
 * next one after 1 s and again 2 s later, so a client with a connect timeout of a few seconds
 * times out. A plain JVM's acceptor thread, scheduled by the operating system as each connection
 * arrives, keeps up. Go ({@code net.Listen}) and Netty ({@code SO_BACKLOG} by default) listen
 * with {@code somaxconn} for the same reason.
 *
 * <p>Which requests are raised: every one below {@code somaxconn}, not only the default 50.
 * A program that chose 100 or 200 chose it for an acceptor thread the operating system runs at
 * once, and loses connects under fibers just as one that chose nothing; and the JDK's callers
 * have already turned "no choice" ({@code < 1}) into 50 when they reach this hook, so the default
 * cannot be told from an explicit 50. {@code ServerSocket}'s contract allows it: the backlog "is
 * the requested maximum number of pending connections ... an implementation may impose a maximum
 * length or may choose to ignore the parameter altogether". A request above {@code somaxconn} is
 * passed on as it is (the kernel caps it). What changes for a program: a burst of connects waits
 * in the queue where it would have been refused or timed out; a program that asks for a tiny
 * backlog to provoke exactly that (a test of connect timeouts) no longer gets it.
 *
 * <p>{@code somaxconn} is read once, from {@code /proc/sys/net/core/somaxconn}, when this class
 * initializes (the agent initializes it in {@code premain}, on a platform thread). If it cannot
 * be read the value is 4096, the kernel's default since Linux 5.4; the kernel caps the backlog at
 * the real {@code somaxconn} anyway.
 *
 * <p>The agent rewrites the JDK's calls of {@code sun.nio.ch.Net.listen}, the one call through
 * which every {@code ServerSocket}, {@code ServerSocketChannel} (TCP and UNIX-domain) and
 * {@code AsynchronousServerSocketChannel} starts to listen, into {@link #listen}. The calls are
 * rewritten, not {@code Net.listen}, because it is a native method, whose body cannot be changed.
 */
public final class ListenHooks {
    /** The kernel's default {@code somaxconn} since Linux 5.4, used if the system's cannot be read. */
    static final int DEFAULT_SOMAXCONN = 4096;
    private static final int SOMAXCONN = somaxconn(Path.of("/proc/sys/net/core/somaxconn"));

    private ListenHooks() {
    }

    /**
     * {@code Net.listen}: mark the bound socket {@code fd} listening, with the backlog
     * {@link #backlog} makes of the {@code requested} one.
     */
    public static void listen(FileDescriptor fd, int requested) throws IOException {
        JdkNet.listen(fd, backlog(requested));
    }

    /**
     * Return the backlog to listen with: {@code somaxconn} for a request below it while the
     * runtime runs; otherwise the request as it is.
     */
    public static int backlog(int requested) {
        return FiberRuntime.get() == null ? requested : raised(requested, SOMAXCONN);
    }

    /** Return {@code requested} raised to {@code somaxconn}, never lowered. */
    static int raised(int requested, int somaxconn) {
        return Math.max(requested, somaxconn);
    }

    /**
     * Read the system's {@code somaxconn} from {@code file}; {@link #DEFAULT_SOMAXCONN} if it cannot be read.
     *
     * <p>Through a buffered reader, as Netty does: the kernel answers a read of a sysctl file at an
     * offset other than 0 with end of file, and {@code Files.readString} and {@code readAllBytes},
     * told the file's size is 0, read one byte first, so they return "4" of "4096".
     */
    static int somaxconn(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line = reader.readLine();
            int value = line == null ? 0 : Integer.parseInt(line.strip());
            return value > 0 ? value : DEFAULT_SOMAXCONN;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_SOMAXCONN;
        }
    }
}
