package io.fiberize.runtime.loop;

/**
 * Decide the order in which a loop runs its ready tasks.
 *
 * <p>A policy, owned and used by the loop thread only. {@link Fifo} is the default; a seeded
 * random order (for reproducible interleavings) plugs in here without touching the loop.
 */
public interface RunQueue {

    /** Add a task that is ready to run. */
    void add(Runnable task);

    /** Remove and return the next task to run, or {@code null} when none is ready. */
    Runnable poll();

    /** Return the number of ready tasks. */
    int size();

    /**
     * Say whether a task is on its way to the loop from another thread that the next choice must
     * wait for: the loop then takes in what was handed in and asks again. None for an order that
     * does not need to be reproducible.
     */
    default boolean awaitingHandIn() {
        return false;
    }

    /**
     * Run tasks in the order they became ready.
     */
    final class Fifo implements RunQueue {
        private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>(256);

        @Override
        public void add(Runnable task) {
            tasks.addLast(task);
        }

        @Override
        public Runnable poll() {
            return tasks.pollFirst();
        }

        @Override
        public int size() {
            return tasks.size();
        }
    }
}
