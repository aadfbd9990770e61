package io.fiberize.runtime.hooks;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.jdk.Epoll;
import io.fiberize.runtime.jdk.FileKinds;
import io.fiberize.runtime.jdk.JdkNet;
import io.fiberize.runtime.jdk.JdkPoller;
import io.fiberize.runtime.loop.EventLoop;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.util.function.BooleanSupplier;

/**
 * Take the JDK's socket waits for fibers to their loop's selector.
 *
 * <p>Every blocking socket, channel and selector operation of a virtual thread parks in the JDK's
 * {@code sun.nio.ch.Poller}. The agent rewrites the JDK's calls of {@code Poller.poll},
 * {@code pollSelector} and {@code stopPoll} into calls of the methods of the same name here, which
 * serve fibers themselves and pass any other virtual thread on to the JDK ({@link JdkPoller}). The
 * calls are rewritten rather than the {@code Poller}'s own methods because the first call of one
 * of those would initialize the {@code Poller} class, and with it the JDK's poller threads: a
 * program whose virtual threads are all fibers never starts them.
 */
public final class NetHooks {
    /**
     * Whether a close can name its descriptor ({@link #closing}), which lasting registrations
     * need; without it every wait registers one-shot.
     */
    private static final boolean CLOSES_NAMED = FileKinds.check() == null;
    /** {@code IOStatus.UNAVAILABLE}: the JDK's code for a read that found nothing. */
    private static final int NOTHING_THERE = -2;

    private NetHooks() {
    }

    /**
     * Park the current thread until {@code fd} is ready for {@code event} ({@code Net.POLLIN} or
     * {@code Net.POLLOUT}), {@code nanos} pass (0: no limit), or it is interrupted or woken by a
     * close: on its loop's selector for a fiber, on the JDK's poller for any other virtual thread.
     *
     * <p>Callers re-check their condition when this returns: it may return early.
     *
     * <p>A fiber pinned to its carrier (a class initializer or a native frame on its stack) parks
     * the carrier itself, and with it the loop that would see the descriptor become ready: the
     * watchdog then hands the loop to a new carrier, which completes the wait. The JDK offers no
     * cheap, reliable way to tell a pinned fiber here ({@code Continuation.isPinned} reports
     * every fiber pinned when called from this depth on JDK 25).
     */
    public static void poll(int fd, int event, long nanos, BooleanSupplier isOpen) throws IOException {
        EventLoop loop = Fibers.currentLoop();
        if (loop == null) {
            JdkPoller.poll(fd, event, nanos, isOpen);
        } else {
            await(loop, fd, event == Epoll.POLLIN, nanos, isOpen);
        }
    }

    /**
     * Park the current thread until the selector whose epoll descriptor is {@code fd} has
     * something to report, {@code nanos} pass (0: no limit), or it is interrupted, as
     * {@code Selector.select} does on a virtual thread.
     */
    public static void pollSelector(int fd, long nanos) throws IOException {
        EventLoop loop = Fibers.currentLoop();
        if (loop == null) {
            JdkPoller.pollSelector(fd, nanos);
        } else {
            loop.awaitFd(fd, true, nanos, () -> true);
        }
    }

    /**
     * Park the current fiber until {@code channel} is ready to read (or write), {@code nanos} pass
     * (0: no limit), or it is interrupted: the runtime's API for code that drives a non-blocking
     * channel itself. Callers re-check their condition when this returns.
     *
     * @throws IllegalStateException when the caller is not a fiber
     */
    public static void await(SelectableChannel channel, boolean read, long nanos) {
        EventLoop loop = Fibers.currentLoop();
        if (loop == null) {
            throw new IllegalStateException(Thread.currentThread() + " is not a fiber");
        }
        await(loop, Epoll.fdOf(channel), read, nanos, channel::isOpen);
    }

    private static void await(EventLoop loop, int fd, boolean read, long nanos, BooleanSupplier isOpen) {
        if (CLOSES_NAMED) {
            loop.awaitSocket(fd, read, nanos, isOpen);
        } else {
            loop.awaitFd(fd, read, nanos, isOpen);
        }
    }

    /**
     * Wake the threads waiting for {@code fd} and {@code event}, as closing it must.
     */
    public static void stopPoll(int fd, int event) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime != null) {
            runtime.loops().stopWaiters(fd, event == Epoll.POLLIN);
        }
        JdkPoller.stopPoll(fd, event);
    }

    /**
     * Read from a socket as the JDK's {@code NativeDispatcher.read} does ({@code dispatcher} is
     * the JDK's), skipping the read a fiber's loop knows would fail: the JDK's socket code then
     * parks until the socket is readable and reads again, as after {@code EAGAIN}. A read that
     * returns less than asked for, or nothing, leaves the socket empty. Stands for the calls in
     * the JDK's socket classes.
     */
    public static int read(Object dispatcher, FileDescriptor fd, long address, int len) throws IOException {
        return transfer(true, dispatcher, fd, address, len);
    }

    /**
     * Write to a socket as the JDK's {@code NativeDispatcher.write} does, skipping the write a
     * fiber's loop knows would fail, as {@link #read} does: a write that takes less than it was
     * given, or nothing, leaves the socket full until the loop sees room.
     */
    public static int write(Object dispatcher, FileDescriptor fd, long address, int len) throws IOException {
        return transfer(false, dispatcher, fd, address, len);
    }

    /** {@link #read} ({@code read}) or {@link #write}. */
    private static int transfer(boolean read, Object dispatcher, FileDescriptor fd, long address, int len)
            throws IOException {
        EventLoop loop = tryingLoop();
        int number = loop == null ? -1 : FileKinds.number(fd);
        if (loop != null && !loop.mayTry(number, read)) {
            return NOTHING_THERE;
        }
        int n = read ? JdkNet.read(dispatcher, fd, address, len) : JdkNet.write(dispatcher, fd, address, len);
        if (loop != null && (n == NOTHING_THERE || n >= 0 && n < len)) {
            loop.exhausted(number, read);
        }
        return n;
    }

    /**
     * Accept a connection as the JDK's {@code Net.accept} does, skipping the accept a fiber's
     * loop knows would fail, as {@link #read} does: an accept that finds no connection leaves
     * the listening socket empty until the loop sees one come.
     */
    public static int accept(FileDescriptor fd, FileDescriptor newfd, InetSocketAddress[] address) throws IOException {
        EventLoop loop = tryingLoop();
        if (loop == null) {
            return JdkNet.accept(fd, newfd, address);
        }
        int number = FileKinds.number(fd);
        if (!loop.mayTry(number, true)) {
            return NOTHING_THERE;
        }
        int n = JdkNet.accept(fd, newfd, address);
        if (n == NOTHING_THERE) {
            loop.exhausted(number, true);
        }
        return n;
    }

    /**
     * Return the loop of the current fiber, whose registrations last and so know when a socket
     * call would fail; {@code null} for any other thread, or when the agent cannot see closes.
     */
    private static EventLoop tryingLoop() {
        return CLOSES_NAMED ? Fibers.currentLoop() : null;
    }

    /**
     * Before the JDK closes {@code fd} or replaces it by {@code dup2} ({@code dispatcher} does):
     * the loops that registered it lastingly drop it, so that a new socket given the same number
     * is registered anew. The agent calls this first thing in the JDK's socket and pipe
     * dispatchers' {@code close} and in {@code NativeDispatcher.preClose}.
     */
    public static void closing(Object dispatcher, FileDescriptor fd) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime != null) {
            int number = FileKinds.number(fd);
            if (number >= 0) {
                runtime.loops().forget(number);
            }
        }
    }

    /**
     * Wake the threads waiting for {@code fd}, to read or to write, as closing it must.
     */
    public static void stopPoll(int fd) {
        stopPoll(fd, Epoll.POLLIN);
        stopPoll(fd, Epoll.POLLOUT);
    }
}
