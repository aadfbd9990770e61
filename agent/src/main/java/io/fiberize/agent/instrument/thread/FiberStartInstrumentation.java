package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.fiber.Fibers;

/**
 * Hold the JVM open from the moment a non-daemon fiber starts, whoever starts it.
 *
 * <p>Rewrites {@code java.lang.VirtualThread.start(ThreadContainer)} to call {@link
 * Fibers#starting} first: a thread pool (JDK code) starts the fibers our thread-factory rewrite
 * gave it, and the JVM must not exit between that start and the fiber's first run, as it would not
 * for the platform thread it stands for.
 */
public final class FiberStartInstrumentation extends JdkMethodInstrumentation {

    public FiberStartInstrumentation() {
        super("fiber start (java.lang.VirtualThread.start)", "java.lang.VirtualThread",
                Target.of(Advice.callFirst(Fibers.class, "starting"), "start", "jdk.internal.vm.ThreadContainer"));
    }
}
