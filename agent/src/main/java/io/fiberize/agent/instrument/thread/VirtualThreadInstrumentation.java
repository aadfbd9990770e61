package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.ThreadHooks;

/**
 * Count a fiber as started whoever starts it, and let it describe itself as a platform thread.
 *
 * <p>Rewrites {@code java.lang.VirtualThread}: {@code start(ThreadContainer)} calls {@link
 * Fibers#starting} first, so that a fiber a thread pool (JDK code) starts holds the JVM open from
 * that moment, as the platform thread it stands for would, and a second start fails with that
 * thread's exception; {@code toString()} of a fiber of ours reads {@code Thread[#id,name,priority,
 * group]}, as the platform thread's does.
 */
public final class VirtualThreadInstrumentation extends JdkMethodInstrumentation {

    public VirtualThreadInstrumentation() {
        super("fibers (java.lang.VirtualThread)", "java.lang.VirtualThread",
                Target.of(Advice.callFirst(Fibers.class, "starting"), "start", "jdk.internal.vm.ThreadContainer"),
                Target.of(Advice.replaceIf(ThreadHooks.class, "reportsAsPlatform", "describe"), "toString"));
    }
}
