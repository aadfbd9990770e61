/**
 * Start the runtime and wire its parts: the loops, the offload pool, the watchdog, the slicer,
 * and their JFR and JMX exports ({@link io.fiberize.runtime.FiberRuntime}, the composition root).
 * Runs once, on the thread that runs the agent's premain; only the hooks look the result up.
 */
package io.fiberize.runtime;
