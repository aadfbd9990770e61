package io.fiberize.runtime.config;

/**
 * A kind of thread that runs its own non-blocking event loop and so stays a platform thread:
 * threads of {@code threadClass} or of a subclass of it.
 *
 * @param threadClass the binary name of the {@code Thread} subclass the library makes them of
 * @param library     who makes them, for the log
 * @param reason      why they stay platform threads, for the log and the README
 */
public record OwnLoopThreads(String threadClass, String library, String reason) {
}
