package io.fiberize.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * Measure a park/unpark round trip between two threads: two fibers on one fiberize loop, two
 * virtual threads on the JDK's default scheduler, two platform threads.
 *
 * <p>Each invocation starts a fresh pair and plays {@value #ROUND_TRIPS} round trips (the start
 * is amortized); the score is the average time of one round trip: ping hands the turn to pong
 * and is handed it back, two park/unpark hand-overs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
public class PingPongBenchmark {
    /** Round trips per invocation. */
    public static final int ROUND_TRIPS = 10_000;

    @Param({Contenders.FIBERIZE, Contenders.VIRTUAL, Contenders.PLATFORM})
    public String kind;

    private Contenders contenders;

    @Setup(Level.Trial)
    public void setUp() {
        contenders = Contenders.of(kind);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        contenders.close();
    }

    /** Play {@link #ROUND_TRIPS} round trips; return how many pong saw, so nothing is optimized away. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int roundTrip() throws InterruptedException {
        Table table = new Table();
        Thread ping = contenders.unstarted(table::ping);
        Thread pong = contenders.unstarted(table::pong);
        table.ping = ping;
        table.pong = pong;
        contenders.start(pong);
        contenders.start(ping);
        ping.join();
        pong.join();
        return table.returned;
    }

    /** The shared state of one pair: whose turn it is, and the two players. */
    static final class Table {
        volatile int turn; // 0: ping's, 1: pong's
        volatile Thread ping;
        volatile Thread pong;
        int returned;

        void ping() {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                turn = 1;
                LockSupport.unpark(pong);
                while (turn != 0) {
                    LockSupport.park(this);
                }
            }
        }

        void pong() {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                while (turn != 1) {
                    LockSupport.park(this);
                }
                returned++;
                turn = 0;
                LockSupport.unpark(ping);
            }
        }
    }
}
