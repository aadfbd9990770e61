package io.fiberize.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Run an {@link ExploreSchedules} test once on the schedule of one seed: start the schedule over from
 * the seed right before the test method, wait after it until the threads it started have ended, and fail
 * naming the seed if the method failed or a thread did not end.
 *
 * <p>The schedule is the JVM's, so the wait is what keeps seeds apart: a thread of one seed still running
 * in the next would make the next seed's decisions depend on this one, and a rerun of the next seed
 * alone would not replay it.
 */
final class SeedInvocation implements TestTemplateInvocationContext, InvocationInterceptor,
        AfterEachCallback {
    /** How long the test's threads may take to end after its method, on the schedule's virtual clock. */
    static final long END_WITHIN_SECONDS = 120;
    /** The longest pause between two looks at the fibers alive, in virtual milliseconds. */
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private final Exploration exploration;
    private final long seed;

    SeedInvocation(Exploration exploration, long seed) {
        this.exploration = exploration;
        this.seed = seed;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "seed " + seed;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(this);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        long fibersBefore = exploration.jvm().fibersAlive();
        try {
            exploration.jvm().restart(seed);
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException("@ExploreSchedules runs on the test's thread, which must be "
                    + "a fiber of fiberize's schedule (the test JVM's main class a compiled class)", e);
        }
        Throwable failure = null;
        try {
            invocation.proceed();
        } catch (TestAbortedException e) {
            throw e;
        } catch (Throwable e) {
            failure = e;
        }
        long left = awaitFibers(fibersBefore);
        if (failure != null) {
            throw new AssertionFailedError(exploration.failure(seed, "failed: " + failure), failure);
        }
        if (left > 0) {
            throw new AssertionFailedError(exploration.failure(seed, "left " + left + " thread(s) alive "
                    + END_WITHIN_SECONDS + " s (virtual time) after the test method"));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            exploration.fail();
        }
    }

    /**
     * Wait until no more fibers are alive than before the test, for up to {@link #END_WITHIN_SECONDS} of
     * the virtual clock, and return how many more there are. The clock stands still while a fiber can run
     * and jumps to the next timer once none can: the wait ends as soon as the test's threads have, and
     * lets their own timeouts (a pool's idle threads) run out at once. It pauses before it first counts:
     * a fiber counts as alive once it has first run, and a thread that the test started without waiting
     * for may not have run yet; when the pause ends, no fiber could run.
     */
    private long awaitFibers(long fibersBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(END_WITHIN_SECONDS);
        long pause = 1;
        long left;
        do {
            Thread.sleep(pause);
            pause = Math.min(2 * pause, LONGEST_PAUSE_MILLIS);
            left = exploration.jvm().fibersAlive() - fibersBefore;
        } while (left > 0 && System.nanoTime() - deadline < 0);
        return Math.max(left, 0);
    }
}
