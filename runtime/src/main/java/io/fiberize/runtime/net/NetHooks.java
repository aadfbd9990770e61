package io.fiberize.runtime.net;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.jdk.Epoll;
import io.fiberize.runtime.loop.EventLoop;
import java.nio.channels.SelectableChannel;
import java.util.function.BooleanSupplier;

/**
 * Take the JDK's socket waits for fibers to their loop's selector.
 *
 * <p>The agent rewrites {@code sun.nio.ch.Poller.poll} and {@code stopPoll}, the one choke point
 * every blocking socket and channel operation of the JDK parks in, to call these first.
 */
public final class NetHooks {
    private NetHooks() {
    }

    /**
     * Park the current fiber until {@code fd} is ready for {@code event} ({@code Net.POLLIN} or
     * {@code Net.POLLOUT}), {@code nanos} pass (0: no limit), or it is interrupted or woken by a
     * close. Return {@code false}, doing nothing, when the caller is not a fiber, so that the
     * JDK's own poller handles it.
     *
     * <p>Callers re-check their condition when this returns: it may return early.
     *
     * <p>A fiber pinned to its carrier (a class initializer or a native frame on its stack) parks
     * the carrier itself, and with it the loop that would see the descriptor become ready: the
     * watchdog then hands the loop to a new carrier, which completes the wait. The JDK offers no
     * cheap, reliable way to tell a pinned fiber here ({@code Continuation.isPinned} reports
     * every fiber pinned when called from this depth on JDK 25).
     */
    public static boolean poll(int fd, int event, long nanos, BooleanSupplier isOpen) {
        EventLoop loop = Fibers.currentLoop();
        if (loop == null) {
            return false;
        }
        loop.awaitFd(fd, event == Epoll.POLLIN, nanos, isOpen);
        return true;
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
        loop.awaitFd(Epoll.fdOf(channel), read, nanos, channel::isOpen);
    }

    /**
     * Wake the fibers waiting for {@code fd} and {@code event}, as closing it must.
     */
    public static void stopPoll(int fd, int event) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime != null) {
            runtime.loops().stopWaiters(fd, event == Epoll.POLLIN);
        }
    }
}
