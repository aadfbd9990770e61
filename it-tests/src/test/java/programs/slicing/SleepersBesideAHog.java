package programs.slicing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twenty threads sleep 5 ms again and again while another thread computes for a second or more
 * without blocking, in loops ({@code loop}) or in a recursion without any loop ({@code
 * recursion}). Prints the computation's result; prints on standard error how late the sleepers
 * woke at worst while it computed ({@code worst lateness ms: N}) and how long it took.
 */
public final class SleepersBesideAHog {
    private static final int SLEEPERS = 20;
    private static final long NAP_MILLIS = 5;

    private static volatile boolean hogDone;

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "loop";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 600_000_000;
        AtomicLong worstLateNanos = new AtomicLong();
        CountDownLatch napping = new CountDownLatch(SLEEPERS);
        List<Thread> sleepers = new ArrayList<>();
        for (int i = 0; i < SLEEPERS; i++) {
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(NAP_MILLIS);
                    napping.countDown();
                    while (!hogDone) {
                        long before = System.nanoTime();
                        Thread.sleep(NAP_MILLIS);
                        long late = System.nanoTime() - before - NAP_MILLIS * 1_000_000;
                        worstLateNanos.accumulateAndGet(late, Math::max);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sleeper-" + i);
            sleepers.add(sleeper);
            sleeper.start();
        }
        napping.await();
        long[] result = new long[1];
        Thread hog = new Thread(() -> {
            long start = System.nanoTime();
            result[0] = kind.equals("recursion") ? fib(size) : collatzSteps(size);
            System.err.println("hog millis: " + (System.nanoTime() - start) / 1_000_000);
            hogDone = true;
        }, "hog");
        hog.start();
        hog.join();
        for (Thread sleeper : sleepers) {
            sleeper.join();
        }
        System.out.println(kind + " result: " + result[0]);
        System.err.println("worst lateness ms: " + worstLateNanos.get() / 1_000_000);
    }

    /** Count the Collatz steps of every number below {@code limit / 100}: a computation in loops. */
    private static long collatzSteps(int limit) {
        long steps = 0;
        for (long n = 1; n < limit / 100; n++) {
            long x = n;
            while (x != 1) {
                x = (x & 1) == 0 ? x >> 1 : 3 * x + 1;
                steps++;
            }
        }
        return steps;
    }

    /** The naive recursive Fibonacci number: a computation without a single loop. */
    private static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
