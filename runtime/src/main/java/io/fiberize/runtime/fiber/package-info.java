/**
 * Make fibers (virtual threads scheduled by our loops) and keep what each reports as the
 * platform thread it stands for: daemon flag, priority, group, life, the JVM kept open. Runs on
 * the threads that create, start and end fibers, and on the fibers themselves.
 */
package io.fiberize.runtime.fiber;
