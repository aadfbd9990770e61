/**
 * Print the fiber dump of another JVM: {@code bin/fiberize dump <pid>}. It runs on the main thread
 * of a JVM of its own, never in the fiberized process, and so is not in the agent jar.
 */
package io.fiberize.tools.dump;
