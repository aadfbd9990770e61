package programs.schedule;

/**
 * Two threads add to a volatile counter with {@code count++}: a read and a write, between which
 * the other thread may write. Ends with an exception when an update was lost.
 */
public final class LostUpdate {
    private static volatile int count;

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int j = 0; j < 3; j++) {
                    count++;
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("count: " + count);
        if (count != 6) {
            throw new IllegalStateException("lost " + (6 - count) + " update(s)");
        }
    }
}
