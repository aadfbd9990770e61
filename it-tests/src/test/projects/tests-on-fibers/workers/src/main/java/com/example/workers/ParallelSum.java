package com.example.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sum an array in parts, each part on a thread of its own.
 */
public final class ParallelSum {

    private ParallelSum() {
    }

    /**
     * Sum {@code values} with one new thread per part; each waits at {@code allStarted} (of {@code parts}
     * parties) before it sums.
     */
    public static long withThreads(long[] values, int parts, CyclicBarrier allStarted) throws InterruptedException {
        long[] sums = new long[parts];
        List<Thread> threads = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int index = part;
            Thread thread = new Thread(() -> sums[index] = sumPart(values, index, parts, allStarted), "part-" + part);
            thread.start();
            threads.add(thread);
        }
        long total = 0;
        for (int part = 0; part < parts; part++) {
            threads.get(part).join();
            total += sums[part];
        }
        return total;
    }

    /**
     * Sum {@code values} on a fixed pool of {@code parts} threads, a task per part; each waits at
     * {@code allStarted} (of {@code parts} parties) before it sums.
     */
    public static long withPool(long[] values, int parts, CyclicBarrier allStarted)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                int index = part;
                sums.add(pool.submit(() -> sumPart(values, index, parts, allStarted)));
            }
            long total = 0;
            for (Future<Long> sum : sums) {
                total += sum.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private static long sumPart(long[] values, int part, int parts, CyclicBarrier allStarted) {
        try {
            allStarted.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        long sum = 0;
        for (int i = part; i < values.length; i += parts) {
            sum += values[i];
        }
        return sum;
    }
}
