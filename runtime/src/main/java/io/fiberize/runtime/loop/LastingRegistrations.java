package io.fiberize.runtime.loop;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntBinaryOperator;

/**
 * Which loops hold a lasting (edge-triggered) epoll registration of each socket descriptor, so
 * that the descriptor's close can tell exactly those loops to drop it before the kernel may give
 * its number to a new socket.
 *
 * <p>A loop marks a descriptor here, on its own thread, when it registers it; the thread that
 * closes the descriptor takes the marks just before the close. One bit per loop: loops beyond
 * the 32nd, and descriptors beyond {@link #CAPACITY}, use one-shot registrations instead, which
 * need no close to be undone. The table grows in chunks that are never replaced, so a mark is
 * never lost to a concurrent copy.
 */
final class LastingRegistrations {
    /** Loops that can hold lasting registrations: one bit each in an {@code int}. */
    static final int MAX_LOOPS = Integer.SIZE;
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int CHUNKS = 256;
    /** Descriptors below this can hold lasting registrations. */
    static final int CAPACITY = CHUNK * CHUNKS;

    private static final IntBinaryOperator OR = (marks, bit) -> marks | bit;

    private final AtomicReferenceArray<AtomicIntegerArray> chunks = new AtomicReferenceArray<>(CHUNKS);

    /**
     * Note that loop {@code index} registers {@code fd} lastingly; return {@code false}, having
     * noted nothing, when {@code fd} or {@code index} is beyond what is tracked.
     */
    boolean mark(int fd, int index) {
        if (fd < 0 || fd >= CAPACITY || index >= MAX_LOOPS) {
            return false;
        }
        AtomicIntegerArray chunk = chunks.get(fd >>> CHUNK_BITS);
        if (chunk == null) {
            AtomicIntegerArray fresh = new AtomicIntegerArray(CHUNK);
            chunk = chunks.compareAndExchange(fd >>> CHUNK_BITS, null, fresh);
            if (chunk == null) {
                chunk = fresh;
            }
        }
        int bit = 1 << index;
        int slot = fd & (CHUNK - 1);
        if ((chunk.get(slot) & bit) == 0) {
            chunk.accumulateAndGet(slot, bit, OR);
        }
        return true;
    }

    /** Return the loops (one bit each) that registered {@code fd}, and forget them. */
    int take(int fd) {
        if (fd < 0 || fd >= CAPACITY) {
            return 0;
        }
        AtomicIntegerArray chunk = chunks.get(fd >>> CHUNK_BITS);
        int slot = fd & (CHUNK - 1);
        return chunk == null || chunk.get(slot) == 0 ? 0 : chunk.getAndSet(slot, 0);
    }
}
