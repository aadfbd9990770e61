package com.example.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The sums are right, and the threads that computed them ran on fibers: while all of them were alive, the
 * JVM had few more platform threads (which is all ThreadMXBean counts) than before they started.
 */
class ParallelSumTest {

    private static final int PARTS = 200;
    private static final long[] VALUES = LongStream.rangeClosed(1, 100_000).toArray();
    private static final long SUM = 100_000L * 100_001 / 2;

    @Test
    void newThreadsRunOnFibers() throws Exception {
        AtomicInteger added = new AtomicInteger();
        assertEquals(SUM, ParallelSum.withThreads(VALUES, PARTS, barrierCountingThreads(added)));
        assertTrue(added.get() < 10, "platform threads added by " + PARTS + " live threads: " + added);
    }

    @Test
    void poolThreadsRunOnFibers() throws Exception {
        AtomicInteger added = new AtomicInteger();
        assertEquals(SUM, ParallelSum.withPool(VALUES, PARTS, barrierCountingThreads(added)));
        assertTrue(added.get() < 10, "platform threads added by a pool of " + PARTS + ": " + added);
    }

    private static CyclicBarrier barrierCountingThreads(AtomicInteger added) {
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        return new CyclicBarrier(PARTS, () -> added.set(ManagementFactory.getThreadMXBean().getThreadCount() - before));
    }
}
