package io.fiberize.benchmarks.bugs;

/**
 * Lose an update: two threads run {@code count++} on a {@code volatile} counter, a read and a write
 * that another thread's increment can fall between (the first example of every course on data races).
 * Fails when the count ends below the number of increments.
 */
public final class LostUpdate {
    private static final int THREADS = 2;
    private static final int INCREMENTS = 10;

    private static volatile int count;

    private LostUpdate() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            threads[i] = new Thread(() -> {
                for (int k = 0; k < INCREMENTS; k++) {
                    count++;
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (count != THREADS * INCREMENTS) {
            throw new AssertionError("lost update: count is " + count + ", not " + THREADS * INCREMENTS);
        }
    }
}
