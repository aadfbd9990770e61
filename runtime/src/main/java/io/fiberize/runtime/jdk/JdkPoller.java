package io.fiberize.runtime.jdk;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BooleanSupplier;

/**
 * Call the JDK's own socket poller, {@code sun.nio.ch.Poller}, for the virtual threads that are not fibers.
 *
 * <p>The handles are resolved without initializing {@code Poller}: its initializer starts the JDK's
 * poller threads, which only a virtual thread on the JDK's scheduler ever needs. The first
 * {@link #poll} or {@link #pollSelector} initializes it, so until then no thread can be parked in
 * it and {@link #stopPoll} has nothing to wake. Needs {@code java.base/sun.nio.ch} opened to the
 * runtime's module; {@link #check()} reports what is missing.
 */
public final class JdkPoller {
    private static final MethodHandle POLL;           // (int, int, long, BooleanSupplier) -> void
    private static final MethodHandle POLL_SELECTOR;  // (int, long) -> void
    private static final MethodHandle STOP_POLL;      // (int, int) -> void
    private static final Throwable UNAVAILABLE;

    private static volatile boolean started;

    static {
        MethodHandle poll = null, pollSelector = null, stopPoll = null;
        Throwable unavailable = null;
        try {
            Class<?> poller = Class.forName("sun.nio.ch.Poller", false, null);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(poller, MethodHandles.lookup());
            poll = lookup.findStatic(poller, "poll",
                    MethodType.methodType(void.class, int.class, int.class, long.class, BooleanSupplier.class));
            pollSelector = lookup.findStatic(poller, "pollSelector",
                    MethodType.methodType(void.class, int.class, long.class));
            stopPoll = lookup.findStatic(poller, "stopPoll", MethodType.methodType(void.class, int.class, int.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = e;
        }
        POLL = poll;
        POLL_SELECTOR = pollSelector;
        STOP_POLL = stopPoll;
        UNAVAILABLE = unavailable;
    }

    private JdkPoller() {
    }

    /**
     * Say what this JDK lacks that the socket hooks need, or return {@code null}.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's socket poller (sun.nio.ch.Poller.poll, pollSelector, stopPoll) is not reachable ("
                        + UNAVAILABLE + ")";
    }

    /**
     * Say whether the JDK's poller was asked to park a thread, and so has started its threads.
     */
    public static boolean started() {
        return started;
    }

    /** {@code Poller.poll}: park the current virtual thread on the JDK's poller. */
    public static void poll(int fd, int event, long nanos, BooleanSupplier isOpen) throws IOException {
        started = true;
        try {
            POLL.invokeExact(fd, event, nanos, isOpen);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** {@code Poller.pollSelector}: park the current virtual thread until a selector has events. */
    public static void pollSelector(int fd, long nanos) throws IOException {
        started = true;
        try {
            POLL_SELECTOR.invokeExact(fd, nanos);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** {@code Poller.stopPoll}: wake the thread parked on the JDK's poller for {@code fd}, if any. */
    public static void stopPoll(int fd, int event) {
        if (!started) {
            return;
        }
        try {
            STOP_POLL.invokeExact(fd, event);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }
}
