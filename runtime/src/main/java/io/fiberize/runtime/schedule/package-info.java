/**
 * The seeded schedule ({@code seed=}): a run-queue policy drawn from the seed, the scheduling
 * points' decisions, the virtual clock, the trace, and the report of a program left stuck. Runs
 * on the one loop's carrier (its fibers included); the clock is read by any thread.
 */
package io.fiberize.runtime.schedule;
