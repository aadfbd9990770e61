package io.fiberize.runtime.jdk;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SelectableChannel;

/**
 * Call Linux {@code epoll} and {@code eventfd} through the JDK's own natives in {@code sun.nio.ch}.
 *
 * <p>The JDK's {@code Selector} only takes channels; the loop must wait on the raw file
 * descriptors the JDK's socket code hands its {@code Poller}, so it drives {@code epoll} the way
 * {@code sun.nio.ch.EPollPoller} does. Needs {@code java.base/sun.nio.ch} opened to the runtime's
 * module. Every handle is resolved once; {@link #check()} reports what is missing.
 */
public final class Epoll {
    /** {@code EPOLL_CTL_ADD}. */
    public static final int CTL_ADD = 1;
    /** {@code EPOLL_CTL_DEL}. */
    public static final int CTL_DEL = 2;
    /** {@code EPOLL_CTL_MOD}. */
    public static final int CTL_MOD = 3;
    /** {@code EPOLLIN}. */
    public static final int IN = 0x001;
    /** {@code EPOLLOUT}. */
    public static final int OUT = 0x004;
    /** {@code EPOLLERR}. */
    public static final int ERR = 0x008;
    /** {@code EPOLLHUP}. */
    public static final int HUP = 0x010;
    /** {@code EPOLLRDHUP}. */
    public static final int RDHUP = 0x2000;
    /** {@code EPOLLONESHOT}. */
    public static final int ONESHOT = 1 << 30;
    /** {@code EPOLLET}. */
    public static final int EDGE_TRIGGERED = 1 << 31;
    /** {@code ENOENT}, as {@code epoll_ctl} returns it. */
    public static final int ENOENT = 2;
    /** {@code EEXIST}, as {@code epoll_ctl} returns it. */
    public static final int EEXIST = 17;
    /** {@code Net.POLLIN}, the event code the JDK's socket code passes to its poller. */
    public static final int POLLIN;
    /** {@code Net.POLLOUT}, the event code the JDK's socket code passes to its poller. */
    public static final int POLLOUT;

    private static final MethodHandle CREATE;          // () -> int
    private static final MethodHandle CTL;             // (int, int, int, int) -> int
    private static final MethodHandle WAIT;            // (int, long, int, int) -> int
    private static final MethodHandle ALLOCATE;        // (int) -> long
    private static final MethodHandle FREE;            // (long) -> void
    private static final MethodHandle EVENT_AT;        // (long, int) -> long
    private static final MethodHandle DESCRIPTOR;      // (long) -> int
    private static final MethodHandle EVENTS;          // (long) -> int
    private static final MethodHandle NEW_EVENTFD;     // () -> Object
    private static final MethodHandle EVENTFD_FD;      // (Object) -> int
    private static final MethodHandle EVENTFD_SET;     // (Object) -> void
    private static final MethodHandle EVENTFD_RESET;   // (Object) -> void
    private static final MethodHandle EVENTFD_CLOSE;   // (Object) -> void
    private static final MethodHandle CLOSE_FD;        // (int) -> void
    private static final MethodHandle CHANNEL_FD;      // (SelectableChannel) -> int
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle create = null, ctl = null, wait = null, allocate = null, free = null;
        MethodHandle eventAt = null, descriptor = null, events = null;
        MethodHandle newEventFd = null, eventFdFd = null, eventFdSet = null, eventFdReset = null, eventFdClose = null;
        MethodHandle closeFd = null, channelFd = null;
        int pollIn = 0x1, pollOut = 0x4;
        Throwable unavailable = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> epoll = Class.forName("sun.nio.ch.EPoll");
            MethodHandles.Lookup e = MethodHandles.privateLookupIn(epoll, lookup);
            create = e.findStatic(epoll, "create", MethodType.methodType(int.class));
            ctl = e.findStatic(epoll, "ctl", MethodType.methodType(int.class, int.class, int.class, int.class, int.class));
            wait = e.findStatic(epoll, "wait", MethodType.methodType(int.class, int.class, long.class, int.class, int.class));
            allocate = e.findStatic(epoll, "allocatePollArray", MethodType.methodType(long.class, int.class));
            free = e.findStatic(epoll, "freePollArray", MethodType.methodType(void.class, long.class));
            eventAt = e.findStatic(epoll, "getEvent", MethodType.methodType(long.class, long.class, int.class));
            descriptor = e.findStatic(epoll, "getDescriptor", MethodType.methodType(int.class, long.class));
            events = e.findStatic(epoll, "getEvents", MethodType.methodType(int.class, long.class));

            Class<?> eventFd = Class.forName("sun.nio.ch.EventFD");
            MethodHandles.Lookup f = MethodHandles.privateLookupIn(eventFd, lookup);
            MethodType toObject = MethodType.methodType(void.class, Object.class);
            newEventFd = f.findConstructor(eventFd, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            eventFdFd = f.findVirtual(eventFd, "efd", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, Object.class));
            eventFdSet = f.findVirtual(eventFd, "set", MethodType.methodType(void.class)).asType(toObject);
            eventFdReset = f.findVirtual(eventFd, "reset", MethodType.methodType(void.class)).asType(toObject);
            eventFdClose = f.findVirtual(eventFd, "close", MethodType.methodType(void.class)).asType(toObject);

            Class<?> dispatcher = Class.forName("sun.nio.ch.UnixFileDispatcherImpl");
            closeFd = MethodHandles.privateLookupIn(dispatcher, lookup)
                    .findStatic(dispatcher, "closeIntFD", MethodType.methodType(void.class, int.class));

            Class<?> selCh = Class.forName("sun.nio.ch.SelChImpl");
            channelFd = MethodHandles.privateLookupIn(selCh, lookup)
                    .findVirtual(selCh, "getFDVal", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, SelectableChannel.class));

            Class<?> net = Class.forName("sun.nio.ch.Net");
            MethodHandles.Lookup n = MethodHandles.privateLookupIn(net, lookup);
            pollIn = (short) n.findStaticVarHandle(net, "POLLIN", short.class).get();
            pollOut = (short) n.findStaticVarHandle(net, "POLLOUT", short.class).get();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = e;
        }
        CREATE = create;
        CTL = ctl;
        WAIT = wait;
        ALLOCATE = allocate;
        FREE = free;
        EVENT_AT = eventAt;
        DESCRIPTOR = descriptor;
        EVENTS = events;
        NEW_EVENTFD = newEventFd;
        EVENTFD_FD = eventFdFd;
        EVENTFD_SET = eventFdSet;
        EVENTFD_RESET = eventFdReset;
        EVENTFD_CLOSE = eventFdClose;
        CLOSE_FD = closeFd;
        CHANNEL_FD = channelFd;
        POLLIN = pollIn;
        POLLOUT = pollOut;
        UNAVAILABLE = unavailable;
    }

    private Epoll() {
    }

    /**
     * Say what this JDK lacks that the loop's selector needs, or return {@code null}.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's epoll natives (sun.nio.ch.EPoll, EventFD) are not reachable (" + UNAVAILABLE + ")";
    }

    /** {@code epoll_create}. */
    public static int create() throws IOException {
        try {
            return (int) CREATE.invokeExact();
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** {@code epoll_ctl}; returns 0 or an errno. */
    public static int ctl(int epfd, int op, int fd, int events) {
        try {
            return (int) CTL.invokeExact(epfd, op, fd, events);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /** {@code epoll_wait}; returns the number of events, or a negative value when interrupted. */
    public static int wait(int epfd, long pollArray, int max, int timeoutMillis) throws IOException {
        try {
            return (int) WAIT.invokeExact(epfd, pollArray, max, timeoutMillis);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** Allocate a native array for {@code count} events. */
    public static long allocatePollArray(int count) {
        try {
            return (long) ALLOCATE.invokeExact(count);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /** Free an array from {@link #allocatePollArray}. */
    public static void freePollArray(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /** Return the file descriptor of event {@code i} in the array. */
    public static int descriptor(long pollArray, int i) {
        try {
            return (int) DESCRIPTOR.invokeExact((long) EVENT_AT.invokeExact(pollArray, i));
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /** Return the ready events of event {@code i} in the array. */
    public static int events(long pollArray, int i) {
        try {
            return (int) EVENTS.invokeExact((long) EVENT_AT.invokeExact(pollArray, i));
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /** Create a blocking {@code eventfd} with value zero; the result is an opaque handle. */
    public static Object newEventFd() throws IOException {
        try {
            return (Object) NEW_EVENTFD.invokeExact();
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** Return the file descriptor of an {@code eventfd} handle. */
    public static int eventFdValue(Object eventFd) {
        try {
            return (int) EVENTFD_FD.invokeExact(eventFd);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /** Add one to the {@code eventfd}, making it readable. */
    public static void signal(Object eventFd) throws IOException {
        try {
            EVENTFD_SET.invokeExact(eventFd);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** Read the {@code eventfd} back to zero. */
    public static void reset(Object eventFd) throws IOException {
        try {
            EVENTFD_RESET.invokeExact(eventFd);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** Close the {@code eventfd}. */
    public static void close(Object eventFd) throws IOException {
        try {
            EVENTFD_CLOSE.invokeExact(eventFd);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** Close a file descriptor that no Java object owns, such as an epoll instance. */
    public static void closeFd(int fd) throws IOException {
        try {
            CLOSE_FD.invokeExact(fd);
        } catch (Throwable t) {
            throw Failures.io(t);
        }
    }

    /** Return the file descriptor of a JDK channel. */
    public static int fdOf(SelectableChannel channel) {
        try {
            return (int) CHANNEL_FD.invokeExact(channel);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }
}
