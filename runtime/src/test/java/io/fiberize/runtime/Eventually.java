package io.fiberize.runtime;

import java.util.function.BooleanSupplier;

/**
 * Wait, within a bound, for a condition that another thread makes true.
 *
 * <p>Tests never assert how long something takes; they wait for it with a generous limit so that
 * a lost wake-up fails fast with a message instead of hanging the build.
 */
public final class Eventually {
    /** The default limit: long enough for a loaded 2-core machine, short enough to fail a test fast. */
    public static final long LIMIT_MILLIS = 10_000;

    private Eventually() {
    }

    /** Wait until {@code condition} holds, or fail naming {@code what}. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, LIMIT_MILLIS, condition);
    }

    /** Wait up to {@code millis} until {@code condition} holds, or fail naming {@code what}. */
    public static void await(String what, long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + millis + " ms waiting until " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** Wait until {@code thread} is parked or waiting (not runnable, not blocked on a monitor). */
    public static void awaitParked(Thread thread) {
        await(thread + " parks", () -> {
            Thread.State s = thread.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        });
    }

    /** Join {@code thread} within the limit, or fail. */
    public static void join(Thread thread) throws InterruptedException {
        if (!thread.join(java.time.Duration.ofMillis(LIMIT_MILLIS))) {
            throw new AssertionError(thread + " did not finish within " + LIMIT_MILLIS + " ms; state "
                    + thread.getState());
        }
    }
}
