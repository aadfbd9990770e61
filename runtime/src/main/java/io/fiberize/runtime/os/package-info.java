/**
 * Read what the operating system knows about a thread (its id, its time waiting for a CPU) from
 * {@code /proc}. Stateless; any thread may call it.
 */
package io.fiberize.runtime.os;
