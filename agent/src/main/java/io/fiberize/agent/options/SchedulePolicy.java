package io.fiberize.agent.options;

/**
 * How a seeded schedule chooses the next fiber ({@code schedule=}).
 */
public enum SchedulePolicy {
    /** A uniform random walk over the ready fibers at each scheduling point. */
    RANDOM,
    /** Probabilistic concurrency testing: random priorities, lowered at {@code pctDepth - 1} random points. */
    PCT
}
