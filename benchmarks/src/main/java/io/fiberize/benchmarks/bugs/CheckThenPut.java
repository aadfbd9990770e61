package io.fiberize.benchmarks.bugs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lose a count in a {@code ConcurrentHashMap}: {@code get} then {@code put}, each atomic, the pair
 * not (the misuse that {@code merge} and {@code compute} exist for). Two threads count two hits each
 * on one key. Fails when the map holds fewer than four.
 */
public final class CheckThenPut {
    private static final int THREADS = 2;
    private static final int HITS = 2;
    private static final String PAGE = "/index.html";

    private static final Map<String, Integer> HITS_BY_PAGE = new ConcurrentHashMap<>();

    private CheckThenPut() {
    }

    static void hit(String page) {
        Integer hits = HITS_BY_PAGE.get(page);
        HITS_BY_PAGE.put(page, hits == null ? 1 : hits + 1);
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            threads[i] = new Thread(() -> {
                for (int k = 0; k < HITS; k++) {
                    hit(PAGE);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int hits = HITS_BY_PAGE.get(PAGE);
        if (hits != THREADS * HITS) {
            throw new AssertionError("lost hit: " + hits + " counted, not " + THREADS * HITS);
        }
    }
}
