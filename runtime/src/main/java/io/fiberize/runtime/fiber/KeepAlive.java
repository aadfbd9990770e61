package io.fiberize.runtime.fiber;

/**
 * Keep the JVM running while fibers that stand in for non-daemon threads run.
 *
 * <p>Virtual threads are always daemon threads: the JVM would exit under them as soon as
 * {@code main} returned. While at least one such fiber lives, one non-daemon platform thread
 * ({@code fiberize-keepalive}) waits here; it exits when the last one ends, and the JVM then
 * exits exactly when it would have with the original threads.
 */
final class KeepAlive {
    private static int alive;
    private static Thread keeper;

    private KeepAlive() {
    }

    static synchronized void acquire() {
        alive++;
        if (keeper == null) {
            keeper = Thread.ofPlatform()
                    .name("fiberize-keepalive")
                    .daemon(false)
                    .inheritInheritableThreadLocals(false)
                    .unstarted(KeepAlive::hold);
            keeper.start();
        }
    }

    static synchronized void release() {
        if (--alive == 0) {
            KeepAlive.class.notifyAll();
        }
    }

    static synchronized int alive() {
        return alive;
    }

    /**
     * Wait until no fiber holds the JVM open. An interrupt does not end the wait: whoever sent it
     * (a thread-group sweep, say) must not let the JVM exit under running fibers.
     */
    private static void hold() {
        synchronized (KeepAlive.class) {
            while (alive > 0) {
                try {
                    KeepAlive.class.wait();
                } catch (InterruptedException e) {
                    // Keep holding; see above.
                }
            }
            keeper = null;
        }
    }
}
