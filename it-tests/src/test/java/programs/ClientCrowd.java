package programs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Start N client threads that all begin at once, and wait for every one, as a load test written
 * by hand does: a thread per client, named {@code client-<id>}.
 */
final class ClientCrowd {

    /** What one client does. */
    interface Client {
        /** Act as client {@code id}, counting its own right and wrong answers. */
        void run(int id) throws IOException, InterruptedException;
    }

    private ClientCrowd() {
    }

    /**
     * Run {@code clients} clients together and return when all have ended; a client that throws
     * is counted in {@code failed} and reported on standard error.
     */
    static void run(int clients, Client client, AtomicInteger failed) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int id = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    client.run(id);
                } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                    System.err.println("client " + id + " failed: " + e);
                }
            }, "client-" + i);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
