package io.fiberize.junit;

/**
 * Hold what the seeds of one {@link ExploreSchedules} test share: the schedule, how many seeds the test
 * asked for, and whether one has failed. Read and written by the test's thread only.
 */
final class Exploration {
    private final SeededJvm jvm;
    private final int seeds;
    private final String test;
    private boolean failed;

    /**
     * Hold the exploration of {@code seeds} seeds on {@code jvm}'s schedule by the test {@code test},
     * named {@code Class#method} as Surefire's {@code -Dtest} takes it.
     */
    Exploration(SeededJvm jvm, int seeds, String test) {
        this.jvm = jvm;
        this.seeds = seeds;
        this.test = test;
    }

    SeededJvm jvm() {
        return jvm;
    }

    /** Say whether a seed has failed: no more seeds run. */
    boolean failed() {
        return failed;
    }

    /** Record that a seed has failed. */
    void fail() {
        failed = true;
    }

    /** Say that {@code seed} failed for {@code reason}, on which schedule, and how to rerun it alone. */
    String failure(long seed, String reason) {
        return "seed " + seed + " of @ExploreSchedules(" + seeds + ") " + reason + "\n"
                + "  on the " + jvm.summary() + "\n"
                + "  rerun this seed alone with -D" + ExploreSchedulesExtension.SEED_PROPERTY + "=" + seed
                + ", e.g. mvn test -Dtest='" + test + "' -D" + ExploreSchedulesExtension.SEED_PROPERTY + "=" + seed;
    }
}
