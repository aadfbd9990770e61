package io.fiberize.benchmarks.bugs;

/**
 * Publish a flag before the data it announces: the writer sets the {@code volatile} flag, then the
 * plain field; a reader that sees the flag between the two reads the default (an order violation,
 * the unsafe publication of an "initialized" flag raised too early). Fails when the reader saw the
 * flag up and the data missing.
 */
public final class FlagBeforeData {
    private static final int ANSWER = 42;

    private static volatile boolean ready;
    private static int data;
    private static volatile int seen = -1;

    private FlagBeforeData() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            ready = true;
            data = ANSWER;
        });
        Thread reader = new Thread(() -> {
            if (ready) {
                seen = data;
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (seen == 0) {
            throw new AssertionError("unsafe publication: the flag was up and the data was " + seen);
        }
    }
}
