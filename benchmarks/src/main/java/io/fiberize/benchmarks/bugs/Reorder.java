package io.fiberize.benchmarks.bugs;

/**
 * SCTBench's {@code CS.reorder_5_bad} (from the ESBMC benchmarks): four setters each write {@code a =
 * 1} then {@code b = -1}; a checker reads {@code a} then {@code b} and expects either both unset or
 * both set. A bug of depth 2 (PCT's terms): the checker must read between one setter's two writes, or
 * a setter must write both between the checker's two reads. Fails when the checker saw a mixed pair.
 */
public final class Reorder {
    private static final int SETTERS = 4;

    private static volatile int a;
    private static volatile int b;
    private static volatile boolean mixed;

    private Reorder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[SETTERS + 1];
        for (int i = 0; i < SETTERS; i++) {
            threads[i] = new Thread(() -> {
                a = 1;
                b = -1;
            });
        }
        threads[SETTERS] = new Thread(() -> {
            int seenA = a;
            int seenB = b;
            if (!(seenA == 0 && seenB == 0 || seenA == 1 && seenB == -1)) {
                mixed = true;
            }
        });
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (mixed) {
            throw new AssertionError("reorder: the checker saw a = 1 without b = -1, or b = -1 without a = 1");
        }
    }
}
