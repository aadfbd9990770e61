package io.fiberize.runtime.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Hand work to a loop from any thread: a multi-producer, single-consumer linked queue.
 *
 * <p>Dmitry Vyukov's intrusive-free MPSC queue: {@link #offer} is one atomic exchange of the tail
 * and never retries; {@link #poll} is for the loop's owner only and uses no atomic instruction.
 * Between a producer's exchange and its link the new node is not yet reachable: {@link #poll}
 * then returns {@code null} while {@link #isEmpty} already says {@code false}, so the loop does
 * not go to sleep on it and picks the node up on its next turn.
 *
 * <p>The owner sleeps in its poller only after announcing it here ({@link #announceSleep}), and
 * a producer wakes it only if it announced ({@link #offer}'s answer). This side sets the flag and
 * then looks at the queue; a producer appends (a full fence) and then looks at the flag. If the
 * append comes first, the owner sees a non-empty queue and does not block; if the flag comes
 * first, the producer sees it and wakes the owner. Either way no hand-in waits for an unrelated
 * event, and of several producers during one sleep only the first pays for the wake-up.
 */
final class Inbox {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;
    private static final VarHandle SLEEPING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(Inbox.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
            SLEEPING = lookup.findVarHandle(Inbox.class, "sleeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        Runnable item;
        @SuppressWarnings("unused") // through NEXT
        volatile Node next;

        Node(Runnable item) {
            this.item = item;
        }
    }

    @SuppressWarnings("unused") // through TAIL
    private volatile Node tail;
    private Node head;
    @SuppressWarnings("unused") // through SLEEPING
    private volatile boolean sleeping;

    Inbox() {
        Node stub = new Node(null);
        head = stub;
        tail = stub;
    }

    /**
     * Append {@code item}; safe from any thread. Return {@code true} when the owner announced a
     * sleep and this call must wake it: the first after the announcement.
     */
    boolean offer(Runnable item) {
        Node node = new Node(item);
        Node previous = (Node) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
        return (boolean) SLEEPING.getVolatile(this) && SLEEPING.compareAndSet(this, true, false);
    }

    /**
     * Take the oldest item, or return {@code null}; owner only.
     */
    Runnable poll() {
        Node next = (Node) NEXT.getAcquire(head);
        if (next == null) {
            return null;
        }
        Runnable item = next.item;
        next.item = null;
        head = next;
        return item;
    }

    /**
     * Say whether nothing was offered that has not been polled; owner only.
     */
    boolean isEmpty() {
        return TAIL.getVolatile(this) == head;
    }

    /**
     * Announce that the owner is about to sleep until woken; return {@code false} when something
     * is already waiting, and the owner must not block. Owner only; {@link #awake} ends it.
     */
    boolean announceSleep() {
        SLEEPING.setVolatile(this, true);
        return isEmpty();
    }

    /**
     * End an announced sleep, whether or not the owner blocked: a flag left set while tasks run
     * makes the next producer, even one on the owner's thread, wake it for nothing. Owner only.
     */
    void awake() {
        SLEEPING.setVolatile(this, false);
    }
}
