package io.fiberize.runtime.schedule;

/**
 * Draw the next fiber uniformly: at each scheduling point among the running fiber and the ready
 * ones, and when a fiber stops among the ready ones.
 */
final class RandomWalk extends SeededRunQueue {

    RandomWalk(long seed, ScheduleTrace trace) {
        super(seed, trace);
    }

    @Override
    int next() {
        return random.nextInt(ready.size());
    }

    @Override
    Runnable choose() {
        int k = random.nextInt(ready.size() + 1);
        return k == ready.size() ? null : ready.get(k);
    }
}
