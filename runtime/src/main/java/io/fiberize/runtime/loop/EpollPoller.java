package io.fiberize.runtime.loop;

import io.fiberize.runtime.jdk.Epoll;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Wait for file-descriptor readiness on a loop's own {@code epoll} instance and wake the fibers
 * that wait for it.
 *
 * <p>All methods but {@link #wakeup} run on the loop thread. A descriptor is registered one of two
 * ways, chosen by its first waiter:
 * <ul>
 * <li><b>Lasting</b>, for the JDK's sockets (whose every close the agent reports, {@link #forget}):
 *     registered once, edge-triggered, for reading and writing, and left registered until the
 *     socket closes. An edge that comes while nobody waits is kept as a token that the next
 *     waiter takes at once, so a waiter that got {@code EAGAIN} just before the edge does not
 *     sleep through it. No {@code epoll_ctl} per wait.</li>
 * <li><b>One-shot</b>, for everything else (pipes, selectors: closes the agent does not see),
 *     as in the JDK's {@code EPollPoller}: armed with the union of what its waiters want, fires at
 *     most once, re-armed only while someone still waits, removed when nobody does. A closed
 *     descriptor leaves nothing behind.</li>
 * </ul>
 * A descriptor may have a reader and a writer waiting at once (a proxy reads and writes one socket
 * from two fibers). Woken fibers re-check their condition: a wake-up is a hint, never a promise
 * of data.
 */
final class EpollPoller implements AutoCloseable {
    private static final int MAX_EVENTS = 512;
    private static final int LASTING_EVENTS = Epoll.IN | Epoll.OUT | Epoll.RDHUP | Epoll.EDGE_TRIGGERED;

    // A descriptor's state: how it is registered (the two low bits), and for a lasting
    // registration what this loop knows of it (the flags above them).
    private static final byte UNREGISTERED = 0;
    private static final byte ONE_SHOT = 1;
    private static final byte LASTING = 2;
    private static final byte MODE = 3;
    /** An edge came for reading (writing) while nobody waited: a token for the next waiter. */
    private static final byte READ_EDGE = 1 << 2;
    private static final byte WRITE_EDGE = 1 << 3;
    /**
     * A read (or accept) on this loop found the socket empty and no edge came since, so the next
     * would fail; a write found it full and no edge came since, likewise.
     */
    private static final byte DRAINED = 1 << 4;
    private static final byte FULL = 1 << 5;
    /**
     * The peer closed its side, or the socket failed: its reads end at once from then on (end of
     * stream, an error) and no edge will say so again, so it is never taken for drained.
     */
    private static final byte ENDED = 1 << 6;

    private final int epfd;
    private final long pollArray;
    private final Object wakeupFd;
    private final int wakeupFdValue;
    private final Object wakeupLock = new Object();
    private boolean closed; // guarded by wakeupLock
    private final LastingRegistrations lasting;
    private final int index;
    private IoWait[] readers = new IoWait[1024];
    private IoWait[] writers = new IoWait[1024];
    private byte[] states = new byte[1024];
    private int waiting;

    /**
     * @param lasting where this poller notes its lasting registrations, for the closes to find
     *                them; {@code null} for a loop outside a group, which registers one-shot only
     * @param index   this loop's number in its group
     */
    EpollPoller(LastingRegistrations lasting, int index) throws IOException {
        this.lasting = lasting;
        this.index = index;
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
            if (mode(fd) == ONE_SHOT) {
                rearm(fd);
            }
        }
    }

    /**
     * Drop the lasting registration of {@code fd}, whose socket is being closed: the kernel may
     * give its number to a new socket next, which must be registered anew. Runs before any wait
     * for that new socket (the close hands this in before it closes), and wakes whoever still
     * waits (nobody should: the JDK wakes a closed socket's waiters first).
     */
    void forget(int fd) {
        if (!lasting(fd)) {
            return;
        }
        // The descriptor may be closed by now, or belong to a file this loop never registered:
        // then this fails, harmlessly.
        Epoll.ctl(epfd, Epoll.CTL_DEL, fd, 0);
        states[fd] = UNREGISTERED;
        wakeAll(readers, fd);
        wakeAll(writers, fd);
    }

    void link(IoWait wait) {
        if (wait.state() != IoWait.State.NEW) {
            return;
        }
        int fd = wait.fd;
        ensureCapacity(fd);
        if (wait.lasting && mode(fd) != LASTING && lasting != null && lasting.mark(fd, index)
                && !registerLasting(fd)) {
            // Not pollable, or already closed: let the fiber retry and meet the real error.
            wake(wait);
            return;
        }
        if (mode(fd) == LASTING) {
            byte edge = wait.read ? READ_EDGE : WRITE_EDGE;
            if ((states[fd] & edge) != 0) {
                states[fd] &= (byte) ~edge;
                wake(wait);
                return;
            }
            append(wait);
            return;
        }
        append(wait);
        if (rearm(fd) != 0) {
            unlink(wait);
            wake(wait);
        }
    }

    /** Take {@code wait} out of its descriptor's list, if it is in it; its next state is the caller's to set. */
    void unlink(IoWait wait) {
        if (wait.state() != IoWait.State.LINKED) {
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
        waiting--;
        if (mode(wait.fd) == ONE_SHOT) {
            rearm(wait.fd);
        }
    }

    private void append(IoWait wait) {
        IoWait[] list = wait.read ? readers : writers;
        wait.next = list[wait.fd];
        list[wait.fd] = wait;
        wait.moveTo(IoWait.State.LINKED);
        waiting++;
    }

    private static void wake(IoWait wait) {
        wait.moveTo(IoWait.State.WOKEN);
        LockSupport.unpark(wait.fiber);
    }

    /**
     * Register {@code fd} lastingly, edge-triggered for reading and writing (taking it over from
     * a one-shot registration, if it has one); return whether it worked. The kernel reports the
     * descriptor's readiness at once if it is ready already, so no edge is lost to the switch.
     */
    private boolean registerLasting(int fd) {
        int err = Epoll.ctl(epfd, mode(fd) == ONE_SHOT ? Epoll.CTL_MOD : Epoll.CTL_ADD, fd, LASTING_EVENTS);
        if (err == Epoll.ENOENT) {
            err = Epoll.ctl(epfd, Epoll.CTL_ADD, fd, LASTING_EVENTS);
        } else if (err == Epoll.EEXIST) {
            err = Epoll.ctl(epfd, Epoll.CTL_MOD, fd, LASTING_EVENTS);
        }
        if (err != 0) {
            return false;
        }
        states[fd] = LASTING;
        return true;
    }

    /**
     * Say whether a read or accept ({@code read}), or a write, of {@code fd} may succeed: not
     * when one found the socket empty (full) and no edge came since; data (room) that came
     * meanwhile brings an edge, seen at the latest when the fiber parks. Asked by a fiber of this
     * loop on the loop's carrier, so never at the same time as the loop's own work.
     */
    boolean mayTry(int fd, boolean read) {
        return !lasting(fd) || (states[fd] & (read ? DRAINED : FULL)) == 0;
    }

    /**
     * Note that a read or accept ({@code read}) found {@code fd} empty, or a write found it full:
     * the next would fail until an edge comes, and an edge seen before is spent. Not for a socket
     * whose peer closed, whose end of stream the next read must meet.
     */
    void exhausted(int fd, boolean read) {
        if (lasting(fd) && (states[fd] & ENDED) == 0) {
            states[fd] |= read ? (byte) DRAINED : (byte) FULL;
            states[fd] &= (byte) ~(read ? READ_EDGE : WRITE_EDGE);
        }
    }

    private void ready(int fd, int events) {
        if (fd >= readers.length) {
            return;
        }
        boolean in = (events & (Epoll.IN | Epoll.ERR | Epoll.HUP | Epoll.RDHUP)) != 0;
        boolean out = (events & (Epoll.OUT | Epoll.ERR | Epoll.HUP)) != 0;
        if (mode(fd) == LASTING) {
            if (in) {
                states[fd] &= ~DRAINED;
                if ((events & (Epoll.ERR | Epoll.HUP | Epoll.RDHUP)) != 0) {
                    states[fd] |= ENDED;
                }
                if (!wakeAll(readers, fd)) {
                    states[fd] |= READ_EDGE;
                }
            }
            if (out) {
                states[fd] &= ~FULL;
                if (!wakeAll(writers, fd)) {
                    states[fd] |= WRITE_EDGE;
                }
            }
            return;
        }
        if (in) {
            wakeAll(readers, fd);
        }
        if (out) {
            wakeAll(writers, fd);
        }
        // One-shot: the descriptor is disarmed now; arm it again for whoever still waits.
        if (readers[fd] != null || writers[fd] != null) {
            rearm(fd);
        }
    }

    /** Wake every waiter of {@code fd} in {@code list}; return whether there was one. */
    private boolean wakeAll(IoWait[] list, int fd) {
        IoWait w = list[fd];
        if (w == null) {
            return false;
        }
        list[fd] = null;
        while (w != null) {
            IoWait next = w.next;
            w.next = null;
            waiting--;
            wake(w);
            w = next;
        }
        return true;
    }

    /**
     * Arm {@code fd}, registered one-shot, for what its waiters want, or remove it when nobody
     * waits; return the errno.
     */
    private int rearm(int fd) {
        int interest = (readers[fd] != null ? Epoll.IN : 0) | (writers[fd] != null ? Epoll.OUT : 0);
        if (interest == 0) {
            Epoll.ctl(epfd, Epoll.CTL_DEL, fd, 0);
            states[fd] = UNREGISTERED;
            return 0;
        }
        int err = Epoll.ctl(epfd, Epoll.CTL_MOD, fd, interest | Epoll.ONESHOT);
        if (err == Epoll.ENOENT) {
            err = Epoll.ctl(epfd, Epoll.CTL_ADD, fd, interest | Epoll.ONESHOT);
        }
        states[fd] = err == 0 ? ONE_SHOT : UNREGISTERED;
        return err;
    }

    private int mode(int fd) {
        return states[fd] & MODE;
    }

    /** Say whether {@code fd} is registered lastingly; {@code false} for any number out of range. */
    private boolean lasting(int fd) {
        return fd >= 0 && fd < states.length && (states[fd] & MODE) == LASTING;
    }

    private void ensureCapacity(int fd) {
        if (fd >= readers.length) {
            int length = Math.max(readers.length * 2, Integer.highestOneBit(fd) << 1);
            readers = Arrays.copyOf(readers, length);
            writers = Arrays.copyOf(writers, length);
            states = Arrays.copyOf(states, length);
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
