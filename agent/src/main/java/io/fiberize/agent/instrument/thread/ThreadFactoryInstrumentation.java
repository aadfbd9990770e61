package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.fiber.ThreadHooks;
import net.bytebuddy.asm.Advice;

/**
 * Make the threads of the JDK's thread pools fibers.
 *
 * <p>Rewrites {@code Executors.DefaultThreadFactory.newThread(Runnable)}, the factory behind
 * {@code Executors.newFixedThreadPool}, {@code newCachedThreadPool}, {@code
 * newSingleThreadExecutor}, {@code newScheduledThreadPool} and {@code new ThreadPoolExecutor(...)}
 * without a factory: it returns a fiber with the name and daemon flag the factory chose.
 */
public final class ThreadFactoryInstrumentation extends JdkMethodInstrumentation {

    public ThreadFactoryInstrumentation() {
        super("thread pools (Executors.defaultThreadFactory)", "java.util.concurrent.Executors$DefaultThreadFactory",
                Target.of(NewThreadAdvice.class, "newThread", Runnable.class.getName()));
    }

    /** Swap the new platform thread for a fiber. */
    static final class NewThreadAdvice {
        private NewThreadAdvice() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Return(readOnly = false) Thread made) {
            made = ThreadHooks.fiberFor(made);
        }
    }
}
