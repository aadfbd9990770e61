package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.ThreadHooks;

/**
 * Make every {@code Thread} object a program holds answer as the platform thread it stands for.
 *
 * <p>Rewrites {@code java.lang.Thread} itself, so that every path reaches the hooks: calls from
 * the JDK, virtual dispatch to a subclass's override and its {@code super} call, method references
 * and reflection alike.
 * <ul>
 * <li>{@code start()} of an application's {@code Thread} subclass (and the JDK's internal {@code
 *     start(ThreadContainer)}, how its thread pools start their workers) starts a fiber that runs it; the
 *     object becomes a stand-in, and {@code isAlive}, {@code getState} (and {@code threadState},
 *     which {@code join(Duration)} asks), {@code interrupt}, {@code
 *     isInterrupted}, {@code getStackTrace}, {@code getContextClassLoader} of it reach the fiber,
 *     {@code setName} and {@code setContextClassLoader} change both. {@code join} and {@code
 *     setDaemon} need nothing more: the JDK's own code asks {@code isAlive}, and the fiber
 *     notifies the stand-in's monitor as it ends, as the JVM does for a platform thread.</li>
 * <li>{@code isDaemon}, {@code setDaemon}, {@code getPriority}, {@code setPriority} and {@code
 *     getThreadGroup} of a fiber of ours answer as the platform thread it replaced, so that the
 *     {@code Thread} constructor, which copies them from the constructing thread, inherits them
 *     from it too.</li>
 * <li>{@code getAllThreads()}, where {@code ThreadGroup} counts, lists and interrupts threads,
 *     includes the program's threads that fibers run.</li>
 * </ul>
 * A virtual thread that is not ours, and any platform thread that is not a stand-in, takes the
 * JDK's own path after one check.
 */
public final class ThreadInstrumentation extends JdkMethodInstrumentation {

    public ThreadInstrumentation() {
        super("thread objects (java.lang.Thread)", "java.lang.Thread",
                Target.of(Advice.divertIf(ThreadHooks.class, "startsAsStandIn", "start"), "start"),
                Target.of(Advice.divertIf(ThreadHooks.class, "startsAsStandIn", "start"), "start",
                        "jdk.internal.vm.ThreadContainer"),
                Target.of(Advice.divertIf(ThreadHooks.class, "answersLife", "isAlive"), "isAlive"),
                Target.of(Advice.divertIf(ThreadHooks.class, "answersLife", "getState"), "getState"),
                Target.of(Advice.divertIf(ThreadHooks.class, "answersLife", "getState"), "threadState"),
                Target.of(Advice.divertIf(ThreadHooks.class, "standsIn", "interrupt"), "interrupt"),
                Target.of(Advice.divertIf(ThreadHooks.class, "standsIn", "isInterrupted"), "isInterrupted"),
                Target.of(Advice.divertIf(ThreadHooks.class, "standsIn", "getStackTrace"), "getStackTrace"),
                Target.of(Advice.divertIf(ThreadHooks.class, "standsIn", "getContextClassLoader"), "getContextClassLoader"),
                Target.of(Advice.callFirst(ThreadHooks.class, "naming"), "setName", String.class.getName()),
                Target.of(Advice.callFirst(ThreadHooks.class, "loading"), "setContextClassLoader",
                        ClassLoader.class.getName()),
                Target.of(Advice.divertIf(ThreadHooks.class, "reportsAsPlatform", "isDaemon"), "isDaemon"),
                Target.of(Advice.divertIf(ThreadHooks.class, "reportsAsPlatform", "setDaemon"), "setDaemon", "boolean"),
                Target.of(Advice.divertIf(ThreadHooks.class, "reportsAsPlatform", "getPriority"), "getPriority"),
                Target.of(Advice.divertIf(ThreadHooks.class, "reportsAsPlatform", "setPriority"), "setPriority", "int"),
                Target.of(Advice.divertIf(ThreadHooks.class, "reportsAsPlatform", "getThreadGroup"), "getThreadGroup"),
                Target.of(Advice.filterResult(ThreadHooks.class, "withProgramThreads"), "getAllThreads"));
    }
}
