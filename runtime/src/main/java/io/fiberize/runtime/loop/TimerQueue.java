package io.fiberize.runtime.loop;

import java.util.Arrays;

/**
 * Order a loop's pending timers by deadline: a binary heap with O(log n) removal.
 *
 * <p>Owned by the loop thread. Each timer knows its index, as in
 * {@code ScheduledThreadPoolExecutor}, so that a socket read with a long timeout that completes
 * early leaves nothing behind: cancelled timers are removed, not left to expire.
 */
final class TimerQueue {
    private Timer[] heap = new Timer[64];
    private int size;
    private long nextSequence;

    int size() {
        return size;
    }

    /**
     * Return the earliest timer without removing it, or {@code null}.
     */
    Timer peek() {
        return size == 0 ? null : heap[0];
    }

    void add(Timer timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        timer.sequence = nextSequence++;
        siftUp(size++, timer);
    }

    /**
     * Remove and return the earliest timer, or {@code null}.
     */
    Timer poll() {
        if (size == 0) {
            return null;
        }
        Timer first = heap[0];
        removeAt(0);
        return first;
    }

    void remove(Timer timer) {
        int i = timer.heapIndex;
        if (i >= 0 && i < size && heap[i] == timer) {
            removeAt(i);
        }
    }

    private void removeAt(int i) {
        Timer removed = heap[i];
        removed.heapIndex = -1;
        int last = --size;
        Timer moved = heap[last];
        heap[last] = null;
        if (i != last) {
            siftDown(i, moved);
            if (heap[i] == moved) {
                siftUp(i, moved);
            }
        }
    }

    private void siftUp(int i, Timer timer) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (!before(timer, p)) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = timer;
        timer.heapIndex = i;
    }

    private void siftDown(int i, Timer timer) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Timer c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!before(c, timer)) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = timer;
        timer.heapIndex = i;
    }

    private static boolean before(Timer a, Timer b) {
        long d = a.deadline - b.deadline;
        return d < 0 || (d == 0 && a.sequence < b.sequence);
    }
}
