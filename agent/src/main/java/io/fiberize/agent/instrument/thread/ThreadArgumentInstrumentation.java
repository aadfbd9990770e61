package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.ThreadHooks;

/**
 * Send the JDK methods that take a {@code Thread} to the fiber that runs a stand-in.
 *
 * <p>Inside the fiber, the JDK's own code knows the thread as the fiber: it parks it, queues it
 * on locks and records its blocker under that name. Each rewrite here passes its {@code Thread}
 * argument through {@link ThreadHooks#running}, so that {@code LockSupport.unpark(worker)}, {@code
 * LockSupport.getBlocker(worker)} and {@code lock.hasQueuedThread(worker)} of a stand-in {@code
 * worker} find it.
 */
public final class ThreadArgumentInstrumentation extends JdkMethodInstrumentation {

    private ThreadArgumentInstrumentation(String className, String... methods) {
        super("thread arguments (" + className + ")", className, targets(methods));
    }

    /** {@code LockSupport.unpark(Thread)} and {@code getBlocker(Thread)}. */
    public static ThreadArgumentInstrumentation lockSupport() {
        return new ThreadArgumentInstrumentation("java.util.concurrent.locks.LockSupport", "unpark", "getBlocker");
    }

    /** {@code AbstractQueuedSynchronizer.isQueued(Thread)}: {@code hasQueuedThread} of every JDK lock and synchronizer. */
    public static ThreadArgumentInstrumentation queuedSynchronizer() {
        return new ThreadArgumentInstrumentation("java.util.concurrent.locks.AbstractQueuedSynchronizer",
                "isQueued");
    }

    /** {@code AbstractQueuedLongSynchronizer.isQueued(Thread)}. */
    public static ThreadArgumentInstrumentation queuedLongSynchronizer() {
        return new ThreadArgumentInstrumentation("java.util.concurrent.locks.AbstractQueuedLongSynchronizer",
                "isQueued");
    }

    private static Target[] targets(String... methods) {
        Target[] targets = new Target[methods.length];
        for (int i = 0; i < methods.length; i++) {
            targets[i] = Target.of(Advice.filterFirstArgument(ThreadHooks.class, "running"), methods[i],
                    Thread.class.getName());
        }
        return targets;
    }
}
