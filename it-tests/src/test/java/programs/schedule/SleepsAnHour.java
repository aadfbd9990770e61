package programs.schedule;

import java.time.Instant;

/**
 * Four threads sleep 900 times one second each: an hour of sleeping in all, a quarter of an hour
 * of time. Prints what the program's clocks say passed.
 */
public final class SleepsAnHour {

    public static void main(String[] args) throws InterruptedException {
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Instant start = Instant.now();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    for (int k = 0; k < 900; k++) {
                        Thread.sleep(1000);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("nanoTime seconds: " + (System.nanoTime() - startNanos) / 1_000_000_000);
        System.out.println("currentTimeMillis seconds: " + (System.currentTimeMillis() - startMillis) / 1000);
        System.out.println("Instant seconds: " + (Instant.now().getEpochSecond() - start.getEpochSecond()));
        System.out.println("started at: " + start);
    }
}
