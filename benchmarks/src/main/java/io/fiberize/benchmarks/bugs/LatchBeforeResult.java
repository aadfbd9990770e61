package io.fiberize.benchmarks.bugs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Count a {@code CountDownLatch} down before the result is stored: each worker computes, counts down
 * in a {@code finally} block, and only then puts its result in the shared map, so the thread that
 * waits on the latch can read the map before the last result is in. Fails when the waiter finds
 * fewer results than workers.
 */
public final class LatchBeforeResult {
    private static final int WORKERS = 2;

    private LatchBeforeResult() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(WORKERS);
        Map<Integer, Integer> results = new ConcurrentHashMap<>();
        for (int i = 0; i < WORKERS; i++) {
            int id = i;
            new Thread(() -> {
                int result;
                try {
                    result = id * id;
                } finally {
                    done.countDown();
                }
                results.put(id, result);
            }).start();
        }
        done.await();
        if (results.size() != WORKERS) {
            throw new AssertionError("the latch opened with " + results.size() + " of " + WORKERS + " results");
        }
    }
}
