package io.fiberize.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measure spawn-and-finish throughput: start {@value #THREADS} threads that each do trivial work
 * and end, then join them all; fibers on one fiberize loop, virtual threads on the JDK's default
 * scheduler, platform threads. The spawner is JMH's (platform) benchmark thread for all three.
 *
 * <p>The score is threads spawned and finished per millisecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
public class SpawnBenchmark {
    /** Threads spawned per invocation. */
    public static final int THREADS = 10_000;

    @Param({Contenders.FIBERIZE, Contenders.VIRTUAL, Contenders.PLATFORM})
    public String kind;

    private Contenders contenders;
    private final LongAdder work = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() {
        contenders = Contenders.of(kind);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        contenders.close();
    }

    /** Spawn {@link #THREADS} threads, wait until all have finished; return the work counted. */
    @Benchmark
    @OperationsPerInvocation(THREADS)
    public long spawnAndJoin() throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(THREADS);
        Thread[] threads = new Thread[THREADS];
        Runnable task = () -> {
            work.increment();
            finished.countDown();
        };
        for (int i = 0; i < THREADS; i++) {
            threads[i] = contenders.start(task);
        }
        finished.await();
        for (Thread thread : threads) {
            thread.join();
        }
        return work.sum();
    }
}
