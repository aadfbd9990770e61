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
 */
final class Inbox {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(Inbox.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
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

    Inbox() {
        Node stub = new Node(null);
        head = stub;
        tail = stub;
    }

    /**
     * Append {@code item}; safe from any thread. A full fence: a read after it sees the loop's state.
     */
    void offer(Runnable item) {
        Node node = new Node(item);
        Node previous = (Node) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
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
}
