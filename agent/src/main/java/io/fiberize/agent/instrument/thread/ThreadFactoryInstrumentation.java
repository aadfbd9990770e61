package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.ThreadHooks;

/**
 * Make the threads of the JDK's thread pools fibers.
 *
 * <p>Rewrites {@code Executors.DefaultThreadFactory.newThread(Runnable)}, the factory behind
 * {@code Executors.newFixedThreadPool}, {@code newCachedThreadPool}, {@code
 * newSingleThreadExecutor}, {@code newScheduledThreadPool} and {@code new ThreadPoolExecutor(...)}
 * without a factory, to pass the thread it made through {@link ThreadHooks#adoptFromJdkFactory}: it returns the
 * fiber with the name and daemon flag the factory chose.
 */
public final class ThreadFactoryInstrumentation extends JdkMethodInstrumentation {

    public ThreadFactoryInstrumentation() {
        super("thread pools (Executors.defaultThreadFactory)", "java.util.concurrent.Executors$DefaultThreadFactory",
                Target.of(Advice.filterResult(ThreadHooks.class, "adoptFromJdkFactory"), "newThread", Runnable.class.getName()));
    }
}
