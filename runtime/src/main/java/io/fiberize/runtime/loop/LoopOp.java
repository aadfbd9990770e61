package io.fiberize.runtime.loop;

/**
 * Mark a runnable as loop bookkeeping (timers, I/O interest), not a fiber to run.
 *
 * <p>A loop runs an op as part of its own code between tasks, never as a task: ops are how code
 * running inside a fiber, or on another thread, changes state that only the loop thread owns.
 */
public interface LoopOp extends Runnable {
}
