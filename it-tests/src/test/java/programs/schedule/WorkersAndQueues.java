package programs.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Producers, consumers, a pool and a timed wait, printing who did what in which order: the output
 * depends on the interleaving, and is the same on every run of one schedule.
 */
public final class WorkersAndQueues {

    public static void main(String[] args) throws Exception {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(2);
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger taken = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        queue.put(producer * 100 + i);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, "producer-" + p));
        }
        for (int c = 0; c < 2; c++) {
            threads.add(new Thread(() -> {
                while (taken.get() < 10) {
                    try {
                        Integer item = queue.poll(5, TimeUnit.MILLISECONDS);
                        if (item != null) {
                            taken.incrementAndGet();
                            log.add(Thread.currentThread().getName() + " took " + item);
                        }
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, "consumer-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        ConcurrentHashMap<String, Integer> first = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> futures = new ArrayList<>();
        for (int task = 0; task < 6; task++) {
            int n = task;
            futures.add(pool.submit(() -> first.putIfAbsent("winner", n)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        System.out.println(String.join("\n", log));
        System.out.println("first task to put: " + first.get("winner"));
    }
}
