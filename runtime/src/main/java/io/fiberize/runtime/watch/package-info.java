/**
 * Notice a loop stuck in one task, say why, and hand the loop to a new carrier when a pinned
 * fiber blocks the old one. Runs on the watchdog's own daemon thread, which samples every loop.
 */
package io.fiberize.runtime.watch;
