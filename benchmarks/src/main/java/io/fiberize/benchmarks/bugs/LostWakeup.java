package io.fiberize.benchmarks.bugs;

/**
 * Lose a wake-up: the consumer checks the flag outside the monitor and then waits, once, without a
 * loop; a producer that sets the flag and notifies between the check and the {@code wait()} wakes
 * nobody, and the consumer waits forever (a notify before the wait). A run that loses it never ends:
 * the runner's time limit or fiberize's stuck report ends it.
 */
public final class LostWakeup {
    private static final Object LOCK = new Object();

    private static volatile boolean ready;

    private LostWakeup() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            if (!ready) {
                synchronized (LOCK) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        Thread producer = new Thread(() -> {
            synchronized (LOCK) {
                ready = true;
                LOCK.notifyAll();
            }
        });
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
