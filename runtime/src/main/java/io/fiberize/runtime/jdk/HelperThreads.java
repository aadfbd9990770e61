package io.fiberize.runtime.jdk;

/**
 * Tell the JDK's own helper threads from the application's, by their class and name: for the
 * loops' count of who resumes their fibers.
 */
public final class HelperThreads {
    /** Which of the JDK's helpers a thread is. */
    public enum Kind {
        /** {@code VirtualThread-unblocker}: hands a contended monitor to a waiting virtual thread. */
        UNBLOCKER,
        /** Another JDK helper: the timer ({@code VirtualThread-unparker}) or a socket poller. */
        TIMER_OR_POLLER,
        /** Not a JDK helper thread. */
        NONE
    }

    private static final String INNOCUOUS_THREAD = "jdk.internal.misc.InnocuousThread";

    private HelperThreads() {
    }

    /** Return which of the JDK's helper threads {@code thread} is. */
    public static Kind of(Thread thread) {
        if (thread.getClass().getName().equals(INNOCUOUS_THREAD)) {
            return thread.getName().equals("VirtualThread-unblocker") ? Kind.UNBLOCKER : Kind.TIMER_OR_POLLER;
        }
        return thread.isVirtual() && thread.getName().startsWith("SubPoller-") ? Kind.TIMER_OR_POLLER : Kind.NONE;
    }
}
