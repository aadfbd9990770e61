package programs;

/**
 * Lose an update on a {@code volatile} counter: two threads each run {@code count++} three times;
 * {@code main} throws when the count ends below six, which only some interleavings give.
 */
public final class VolatileCounterRace {
    private static final int INCREMENTS = 3;

    private static volatile int count;

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(VolatileCounterRace::increment);
        Thread second = new Thread(VolatileCounterRace::increment);
        first.start();
        second.start();
        first.join();
        second.join();
        if (count != 2 * INCREMENTS) {
            throw new IllegalStateException("lost update: count is " + count + ", not " + 2 * INCREMENTS);
        }
        System.out.println("count is " + count);
    }

    private static void increment() {
        for (int i = 0; i < INCREMENTS; i++) {
            count++;
        }
    }
}
