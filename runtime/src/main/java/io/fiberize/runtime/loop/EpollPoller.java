package io.fiberize.runtime.loop;

import io.fiberize.runtime.jdk.Epoll;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Wait for file-descriptor readiness on a loop's own {@code epoll} instance and wake the fibers
 * that wait for it.
 *
 * <p>All methods but {@link #wakeup} run on the loop thread. Registrations are one-shot, as in
 * the JDK's {@code EPollPoller}: a descriptor is armed with the union of what its waiters want,
 * fires at most once, and is re-armed only while someone still waits. A descriptor may have a
 * reader and a writer waiting at once (a proxy reads and writes one socket from two fibers).
 * Woken fibers re-check their condition: a wake-up is a hint, never a promise of data.
 */
final class EpollPoller implements AutoCloseable {
    private static final int MAX_EVENTS = 512;

    private final int epfd;
    private final long pollArray;
    private final Object wakeupFd;
    private final int wakeupFdValue;
    private final Object wakeupLock = new Object();
    private boolean closed; // guarded by wakeupLock
    private IoWait[] readers = new IoWait[1024];
    private IoWait[] writers = new IoWait[1024];
    private int waiting;

    EpollPoller() throws IOException {
        epfd = Epoll.create();
        pollArray = Epoll.allocatePollArray(MAX_EVENTS);
        wakeupFd = Epoll.newEventFd();
        wakeupFdValue = Epoll.eventFdValue(wakeupFd);
        int err = Epoll.ctl(epfd, Epoll.CTL_ADD, wakeupFdValue, Epoll.IN);
        if (err != 0) {
            throw new IOException("epoll_ctl(ADD, eventfd) failed: errno " + err);
        }
    }

    /** Return the number of fibers waiting for readiness. */
    int waiting() {
        return waiting;
    }

    /**
     * Wait up to {@code timeoutMillis} (0: do not block, -1: no limit) and wake the waiters of
     * every ready descriptor. Return {@code true} if another thread's {@link #wakeup} was seen.
     */
    boolean poll(int timeoutMillis) throws IOException {
        int n = Epoll.wait(epfd, pollArray, MAX_EVENTS, timeoutMillis);
        boolean woken = false;
        for (int i = 0; i < n; i++) {
            int fd = Epoll.descriptor(pollArray, i);
            int events = Epoll.events(pollArray, i);
            if (fd == wakeupFdValue) {
                Epoll.reset(wakeupFd);
                woken = true;
            } else {
                ready(fd, events);
            }
        }
        return woken;
    }

    /**
     * Make a blocked {@link #poll} return; safe from any thread, and a no-op once closed.
     *
     * <p>Shares a lock with {@link #close}: a waker that decided to wake (a second
     * {@code shutdown()}, or a submitter that saw the loop asleep just before it woke for good)
     * may get here after the loop closed the eventfd, and its number may by then belong to
     * someone else's socket or file. Wake-ups are rare (at most one per sleep), so the lock is cheap.
     */
    void wakeup() {
        synchronized (wakeupLock) {
            if (closed) {
                return;
            }
            try {
                Epoll.signal(wakeupFd);
            } catch (IOException e) {
                throw new IllegalStateException("cannot wake the loop's epoll_wait", e);
            }
        }
    }

    /**
     * Wake the waiters of {@code fd} for the given direction, as when another fiber closes it.
     */
    void stop(int fd, boolean read) {
        if (fd < readers.length) {
            wakeAll(read ? readers : writers, fd);
            rearm(fd);
        }
    }

    void link(IoWait wait) {
        if (wait.linked) {
            return;
        }
        int fd = wait.fd;
        ensureCapacity(fd);
        IoWait[] list = wait.read ? readers : writers;
        wait.next = list[fd];
        list[fd] = wait;
        wait.linked = true;
        waiting++;
        if (rearm(fd) != 0) {
            // Not pollable, or already closed: let the fiber retry and meet the real error.
            unlink(wait);
            wait.done = true;
            LockSupport.unpark(wait.fiber);
        }
    }

    void unlink(IoWait wait) {
        if (!wait.linked) {
            return;
        }
        IoWait[] list = wait.read ? readers : writers;
        IoWait previous = null;
        for (IoWait w = list[wait.fd]; w != null; previous = w, w = w.next) {
            if (w == wait) {
                if (previous == null) {
                    list[wait.fd] = w.next;
                } else {
                    previous.next = w.next;
                }
                break;
            }
        }
        wait.next = null;
        wait.linked = false;
        waiting--;
        rearm(wait.fd);
    }

    private void ready(int fd, int events) {
        if (fd >= readers.length) {
            return;
        }
        if ((events & (Epoll.IN | Epoll.ERR | Epoll.HUP)) != 0) {
            wakeAll(readers, fd);
        }
        if ((events & (Epoll.OUT | Epoll.ERR | Epoll.HUP)) != 0) {
            wakeAll(writers, fd);
        }
        // One-shot: the descriptor is disarmed now; arm it again for whoever still waits.
        if (readers[fd] != null || writers[fd] != null) {
            rearm(fd);
        }
    }

    private void wakeAll(IoWait[] list, int fd) {
        IoWait w = list[fd];
        list[fd] = null;
        while (w != null) {
            IoWait next = w.next;
            w.next = null;
            w.linked = false;
            w.done = true;
            waiting--;
            LockSupport.unpark(w.fiber);
            w = next;
        }
    }

    /**
     * Arm {@code fd} for what its waiters want, or remove it when nobody waits; return the errno.
     */
    private int rearm(int fd) {
        int interest = (readers[fd] != null ? Epoll.IN : 0) | (writers[fd] != null ? Epoll.OUT : 0);
        if (interest == 0) {
            Epoll.ctl(epfd, Epoll.CTL_DEL, fd, 0);
            return 0;
        }
        int err = Epoll.ctl(epfd, Epoll.CTL_MOD, fd, interest | Epoll.ONESHOT);
        if (err == Epoll.ENOENT) {
            err = Epoll.ctl(epfd, Epoll.CTL_ADD, fd, interest | Epoll.ONESHOT);
        }
        return err;
    }

    private void ensureCapacity(int fd) {
        if (fd >= readers.length) {
            int length = Math.max(readers.length * 2, Integer.highestOneBit(fd) << 1);
            readers = Arrays.copyOf(readers, length);
            writers = Arrays.copyOf(writers, length);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (wakeupLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                Epoll.close(wakeupFd);
                Epoll.closeFd(epfd);
            } finally {
                Epoll.freePollArray(pollArray);
            }
        }
    }
}
