package io.fiberize.runtime.loop;

/**
 * What a fiber parked in {@link EventLoop#awaitFd} waits for: its park blocker while it waits
 * ({@code LockSupport.getBlocker(fiber)}), for diagnostics.
 */
public interface FdWait {

    /** Return the file descriptor waited for. */
    int fd();

    /** Say whether the fiber waits to read ({@code true}) or to write. */
    boolean read();
}
