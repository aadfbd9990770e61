package io.fiberize.runtime.schedule;

import java.util.Arrays;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS
 * 2010): always run the ready fiber of highest priority. Each fiber gets a random priority when
 * first seen; at {@code depth - 1} scheduling points drawn uniformly from the first {@value
 * #STEPS}, the running fiber drops below every other. A bug that needs {@code d} ordering
 * constraints is then found with probability at least {@code 1 / (n k^(d-1))} per run, for
 * {@code n} fibers and {@code k} steps.
 *
 * <p>The program's number of scheduling points {@code k} is not known in advance, as the
 * algorithm assumes; the change points are spread over the first {@value #STEPS}, the size of the
 * small programs that concurrency tests are. In a longer program they all fall early.
 */
final class Pct extends SeededRunQueue {
    /** The scheduling points over which the priority changes are spread. */
    static final int STEPS = 100;

    /** The steps at which the running fiber's priority drops, in ascending order. */
    private final int[] changePoints;
    private int step;

    Pct(long seed, int depth, ScheduleTrace trace) {
        super(seed, trace);
        changePoints = new int[depth - 1];
        restarted();
    }

    @Override
    void restarted() {
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextInt(STEPS);
        }
        Arrays.sort(changePoints);
        step = 0;
    }

    @Override
    void born(Known task) {
        // Above every priority a change point gives (at most changePoints.length).
        task.priority = changePoints.length + 1 + random.nextLong(Long.MAX_VALUE - changePoints.length - 1);
    }

    @Override
    int next() {
        int best = 0;
        for (int i = 1; i < ready.size(); i++) {
            if (known(ready.get(i)).priority > known(ready.get(best)).priority) {
                best = i;
            }
        }
        return best;
    }

    @Override
    Runnable choose() {
        step++;
        Known current = known(running);
        for (int i = 0; i < changePoints.length; i++) {
            if (changePoints[i] == step) {
                current.priority = changePoints.length - i;
            }
        }
        if (ready.isEmpty()) {
            return null;
        }
        Runnable best = ready.get(next());
        return known(best).priority > current.priority ? best : null;
    }
}
