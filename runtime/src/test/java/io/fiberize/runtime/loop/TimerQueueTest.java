package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of the loop's timer heap, driven directly (no loop thread): ordering, removal from
 * the middle, and the heap invariants after every random operation.
 */
class TimerQueueTest {
    private static final Runnable NOTHING = () -> { };

    private final TimerQueue queue = new TimerQueue();

    private static Timer timer(long deadline) {
        return new Timer(null, deadline, NOTHING);
    }

    @Test
    void pollsInDeadlineOrderAndFifoAmongEqualDeadlines() {
        Timer late = timer(300);
        Timer early = timer(100);
        Timer tieFirst = timer(200);
        Timer tieSecond = timer(200);
        queue.add(late);
        queue.add(tieFirst);
        queue.add(early);
        queue.add(tieSecond);

        assertThat((Object) queue.peek()).isSameAs(early);
        assertThat(List.of(queue.poll(), queue.poll(), queue.poll(), queue.poll()))
                .containsExactly(early, tieFirst, tieSecond, late);
        assertThat((Object) queue.poll()).isNull();
        assertThat((Object) queue.peek()).isNull();
        assertThat(queue.size()).isZero();
        assertThat(List.of(late, early, tieFirst, tieSecond)).allMatch(t -> t.heapIndex == -1);
    }

    @Test
    void ordersDeadlinesAcrossTheNanoTimeOverflow() {
        // System.nanoTime() may wrap: deadlines are compared by difference, as the JDK does.
        Timer beforeWrap = timer(Long.MAX_VALUE - 10);
        Timer afterWrap = timer(Long.MAX_VALUE + 10); // wraps to a negative number
        queue.add(afterWrap);
        queue.add(beforeWrap);

        assertThat((Object) queue.poll()).isSameAs(beforeWrap);
        assertThat((Object) queue.poll()).isSameAs(afterWrap);
    }

    @Test
    void removesFromTheMiddleAndIgnoresTimersItDoesNotHold() {
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Timer t = timer(i * 7919 % 100); // a permutation of 0..99
            timers.add(t);
            queue.add(t);
        }
        Timer removed = timers.get(42);
        queue.remove(removed);
        queue.remove(removed);                 // twice: no effect
        queue.remove(timer(5));                // never added: no effect
        assertThat(removed.heapIndex).isEqualTo(-1);
        assertThat(queue.size()).isEqualTo(99);
        assertHeap();

        List<Timer> drained = drain();
        assertThat(drained).doesNotContain(removed).hasSize(99);
        assertThat(drained).isSortedAccordingTo(Comparator.comparingLong(t -> t.deadline));
    }

    @Test
    void keepsTheHeapValidUnderRandomAddsAndRemoves() {
        Random random = new Random(20_251_121);
        List<Timer> inQueue = new ArrayList<>();
        for (int op = 0; op < 20_000; op++) {
            int dice = random.nextInt(10);
            if (dice < 5 || inQueue.isEmpty()) {
                // Few distinct deadlines, so that ties (broken by insertion order) are common.
                Timer t = timer(random.nextInt(500));
                queue.add(t);
                inQueue.add(t);
            } else if (dice < 8) {
                Timer t = inQueue.remove(random.nextInt(inQueue.size()));
                queue.remove(t);
                assertThat(t.heapIndex).isEqualTo(-1);
            } else {
                Timer first = queue.poll();
                Timer expected = inQueue.stream()
                        .min(Comparator.<Timer>comparingLong(t -> t.deadline).thenComparingLong(t -> t.sequence))
                        .orElseThrow();
                assertThat((Object) first).isSameAs(expected);
                inQueue.remove(first);
            }
            assertThat(queue.size()).isEqualTo(inQueue.size());
            assertHeap();
        }
        List<Timer> drained = drain();
        assertThat(drained).containsExactlyInAnyOrderElementsOf(inQueue);
        assertThat(drained).isSortedAccordingTo(
                Comparator.<Timer>comparingLong(t -> t.deadline).thenComparingLong(t -> t.sequence));
    }

    @Test
    void growsPastItsInitialCapacity() {
        for (int i = 10_000; i > 0; i--) {
            queue.add(timer(i));
        }
        assertHeap();
        for (int i = 1; i <= 10_000; i++) {
            assertThat(queue.poll().deadline).isEqualTo(i);
        }
    }

    private List<Timer> drain() {
        List<Timer> out = new ArrayList<>();
        Timer t;
        while ((t = queue.poll()) != null) {
            out.add(t);
        }
        return out;
    }

    /**
     * Check the invariants: every slot below size holds a timer that knows its index, no timer
     * twice, no parent after its child, nothing stale past size.
     */
    private void assertHeap() {
        Timer[] heap = heapArray();
        int size = queue.size();
        Map<Timer, Boolean> distinct = new IdentityHashMap<>();
        for (int i = 0; i < size; i++) {
            Timer t = heap[i];
            assertThat((Object) t).as("slot %d", i).isNotNull();
            assertThat(t.heapIndex).as("index of slot %d", i).isEqualTo(i);
            assertThat(distinct.put(t, Boolean.TRUE)).as("slot %d holds a timer twice", i).isNull();
            if (i > 0) {
                Timer parent = heap[(i - 1) / 2];
                boolean parentFirst = parent.deadline - t.deadline < 0
                        || parent.deadline == t.deadline && parent.sequence < t.sequence;
                assertThat(parentFirst).as("parent of slot %d comes first", i).isTrue();
            }
        }
        for (int i = size; i < heap.length; i++) {
            assertThat((Object) heap[i]).as("slot %d past the end is cleared", i).isNull();
        }
    }

    private Timer[] heapArray() {
        try {
            Field f = TimerQueue.class.getDeclaredField("heap");
            f.setAccessible(true);
            return (Timer[]) f.get(queue);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
