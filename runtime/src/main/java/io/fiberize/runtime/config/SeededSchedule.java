package io.fiberize.runtime.config;

import java.util.Locale;

/**
 * Configure a seeded schedule: the order in which fibers run, and the clock they see, become a
 * function of the seed.
 *
 * @param seed     the seed of every random choice
 * @param policy   how the next fiber is chosen
 * @param pctDepth for {@link Policy#PCT}: the bug depth aimed at, 1 or more (d - 1 priority changes)
 */
public record SeededSchedule(long seed, Policy policy, int pctDepth) {

    /** How the next fiber is chosen. */
    public enum Policy {
        /** At each scheduling point, draw the fiber to run uniformly among the running one and the ready ones. */
        RANDOM,
        /**
         * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): run the ready fiber of
         * highest priority; priorities are random, and {@code pctDepth - 1} times, at random
         * points, the running fiber drops below every other.
         */
        PCT
    }

    public SeededSchedule {
        if (pctDepth < 1) {
            throw new IllegalArgumentException("pctDepth must be at least 1, not " + pctDepth);
        }
    }

    /** Describe it as the options that replay it, e.g. {@code seed=42,schedule=pct,pctDepth=3}. */
    public String options() {
        return "seed=" + seed + ",schedule=" + policy.name().toLowerCase(Locale.ROOT)
                + (policy == Policy.PCT ? ",pctDepth=" + pctDepth : "");
    }
}
