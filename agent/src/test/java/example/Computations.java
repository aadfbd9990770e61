package example;

/**
 * Code with and without the loops and recursions that time slicing puts yield points into.
 */
public final class Computations {
    private static volatile boolean ready;
    private int total;

    /** An innermost loop over an array and locals only. */
    public static long sum(int[] numbers) {
        long sum = 0;
        for (int n : numbers) {
            sum += n;
        }
        return sum;
    }

    /** A loop that reads a field each turn. */
    public void addUp(int[] numbers) {
        for (int n : numbers) {
            total += n;
        }
    }

    /** Loops around an innermost loop of locals: the outer one is checked. */
    public static long collatzSteps(int limit) {
        long steps = 0;
        for (long n = 1; n < limit; n++) {
            for (long x = n; x != 1; x = (x & 1) == 0 ? x >> 1 : 3 * x + 1) {
                steps++;
            }
        }
        return steps;
    }

    /** A recursion without loops. */
    public static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** A spin on a volatile flag, with the JDK's hint. */
    public static void awaitReady() {
        while (!ready) {
            Thread.onSpinWait();
        }
    }

    /** Straight-line code. */
    public static int twice(int x) {
        return 2 * x;
    }

    public int total() {
        return total;
    }

    public static void ready() {
        ready = true;
    }
}
