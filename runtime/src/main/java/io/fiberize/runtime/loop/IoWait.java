package io.fiberize.runtime.loop;

/**
 * One fiber waiting for one file descriptor to become readable or writable.
 *
 * <p>Created by the fiber, then owned by its loop's {@link EpollPoller}: the loop links it into
 * the descriptor's list of waiters when it runs this op the first time and unlinks it ({@link
 * #cancel}) when the fiber stops waiting, whichever comes first of readiness, timeout, interrupt
 * or close.
 */
final class IoWait implements LoopOp, FdWait {
    final Thread fiber;
    final int fd;
    final boolean read;
    /** Whether the descriptor may be registered lastingly: a JDK socket, whose closes the agent reports. */
    final boolean lasting;
    final EpollPoller poller;
    IoWait next;          // in the descriptor's list; loop thread only
    boolean linked;       // loop thread only
    boolean cancelled;    // loop thread only
    /**
     * Set by the loop when it unlinked this wait and woke the fiber. Written by the loop before
     * the unpark, read by the fiber after it resumes: a plain field, because a stale
     * {@code false} costs only a needless {@link #cancelOp}.
     */
    boolean done;

    IoWait(EpollPoller poller, Thread fiber, int fd, boolean read, boolean lasting) {
        this.poller = poller;
        this.fiber = fiber;
        this.fd = fd;
        this.read = read;
        this.lasting = lasting;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public boolean read() {
        return read;
    }

    /**
     * Register with the poller, or, when the fiber has already stopped waiting, leave it.
     */
    @Override
    public void run() {
        if (cancelled) {
            poller.unlink(this);
        } else {
            poller.link(this);
        }
    }

    /**
     * Say whether the fiber must hand {@link #cancelOp} to the loop once it stops waiting: not
     * when the loop itself ended the wait (readiness, a close), the common case.
     */
    boolean needsCancel() {
        return !done;
    }

    /**
     * Return the op that stops this wait; run it on the loop after the fiber resumes.
     */
    LoopOp cancelOp() {
        return () -> {
            cancelled = true;
            poller.unlink(this);
        };
    }
}
