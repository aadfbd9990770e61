package com.example.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The packaged jar sums on a thousand threads, on fibers: while all of them are alive, the JVM has few more
 * platform threads than before they started.
 */
class ParallelSumIT {

    private static final int PARTS = 1000;

    @Test
    void aThousandThreadsRunOnFibers() throws Exception {
        AtomicInteger added = new AtomicInteger();
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        CyclicBarrier allStarted = new CyclicBarrier(PARTS,
                () -> added.set(ManagementFactory.getThreadMXBean().getThreadCount() - before));
        assertEquals(500_500, ParallelSum.withThreads(LongStream.rangeClosed(1, 1000).toArray(), PARTS, allStarted));
        assertTrue(added.get() < 10, "platform threads added by " + PARTS + " live threads: " + added);
    }
}
