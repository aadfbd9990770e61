package io.fiberize.benchmarks.bugs;

/**
 * SCTBench's {@code CS.twostage_bad} (from CHESS): a two-stage update takes one lock to set the first
 * value and another to derive the second from it; a reader that takes the first lock, sees the first
 * stage done, and then takes the second lock before the second stage finds the two inconsistent. A
 * bug of depth 2: the reader must run between the stages. Fails when the reader saw them apart.
 */
public final class TwoStage {
    private static final Object FIRST = new Object();
    private static final Object SECOND = new Object();

    private static int data1;
    private static int data2;
    private static volatile boolean inconsistent;

    private TwoStage() {
    }

    static void update() {
        synchronized (FIRST) {
            data1 = 1;
        }
        synchronized (SECOND) {
            data2 = data1 + 1;
        }
    }

    static void read() {
        int first;
        synchronized (FIRST) {
            if (data1 == 0) {
                return;
            }
            first = data1;
        }
        int second;
        synchronized (SECOND) {
            second = data2;
        }
        if (second != first + 1) {
            inconsistent = true;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread updater = new Thread(TwoStage::update);
        Thread reader = new Thread(TwoStage::read);
        updater.start();
        reader.start();
        updater.join();
        reader.join();
        if (inconsistent) {
            throw new AssertionError("two stages: the reader saw the first stage done and the second not");
        }
    }
}
