package programs;

import java.util.concurrent.CountDownLatch;

/**
 * Initialise a class whose static initializer waits for another thread that it starts itself.
 *
 * <p>On one carrier this is the class-initializer deadlock: the initializing thread is pinned and
 * blocks, so the thread it waits for cannot run until the watchdog hands the loop to a new carrier.
 */
public final class InitializerWaits {

    static final class Config {
        static final String VALUE;

        static {
            CountDownLatch signalled = new CountDownLatch(1);
            new Thread(signalled::countDown, "signaller").start();
            try {
                signalled.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            VALUE = "initialized";
        }

        private Config() {
        }
    }

    public static void main(String[] args) throws Exception {
        String[] value = new String[1];
        Thread initializer = new Thread(() -> value[0] = Config.VALUE, "initializer");
        initializer.start();
        initializer.join();
        System.out.println("config " + value[0]);
        // Stay a moment, so that whatever another thread reports about the wait is out before exit.
        Thread.sleep(1_000);
    }
}
