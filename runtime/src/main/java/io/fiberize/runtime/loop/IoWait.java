package io.fiberize.runtime.loop;

/**
 * One fiber waiting for one file descriptor to become readable or writable.
 *
 * <p>Created by the fiber, then owned by its loop's {@link EpollPoller}: the loop links it into
 * the descriptor's list of waiters when it runs this op, and unlinks it when readiness or a close
 * ends the wait, or when the fiber, having stopped waiting on its own, hands in {@link #cancelOp}.
 *
 * <pre>
 *   NEW     -> LINKED     the loop ran this op: the wait is in the descriptor's list
 *   NEW     -> WOKEN      the loop ran this op and the descriptor was ready already, or cannot be polled
 *   NEW     -> CANCELLED  the fiber's cancel op ran first (the op is then left alone)
 *   LINKED  -> WOKEN      readiness, a close, or a failed re-arm: unlinked, and the fiber unparked
 *   LINKED  -> CANCELLED  the fiber stopped waiting (timeout, interrupt, unpark): its cancel op unlinked it
 * </pre>
 *
 * <p>The state is written by the loop only. The fiber reads it once after it resumes, plainly:
 * the loop wrote {@code WOKEN} before the unpark, and a stale read costs only a needless cancel op.
 */
final class IoWait implements LoopOp, FdWait {
    enum State { NEW, LINKED, WOKEN, CANCELLED }

    final Thread fiber;
    final int fd;
    final boolean read;
    /** Whether the descriptor may be registered lastingly: a JDK socket, whose closes the agent reports. */
    final boolean lasting;
    final EpollPoller poller;
    IoWait next;          // in the descriptor's list; loop thread only
    private State state = State.NEW;

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

    State state() {
        return state;
    }

    /** Move to {@code to}, one of the edges of the table above. Loop thread only. */
    void moveTo(State to) {
        assert switch (state) {
            case NEW -> to != State.NEW;
            case LINKED -> to == State.WOKEN || to == State.CANCELLED;
            case WOKEN, CANCELLED -> false;
        } : state + " -> " + to;
        state = to;
    }

    /** Register with the poller, unless the fiber's cancel op came first. */
    @Override
    public void run() {
        if (state == State.NEW) {
            poller.link(this);
        }
    }

    /**
     * Say whether the fiber must hand {@link #cancelOp} to the loop once it stops waiting: not
     * when the loop itself ended the wait (readiness, a close), the common case. By the fiber.
     */
    boolean needsCancel() {
        return state != State.WOKEN;
    }

    /** Return the op that stops this wait; run it on the loop after the fiber resumes. */
    LoopOp cancelOp() {
        return () -> {
            if (state != State.WOKEN) {
                poller.unlink(this);
                moveTo(State.CANCELLED);
            }
        };
    }
}
