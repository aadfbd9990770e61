package io.fiberize.agent.instrument.thread;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.fiberize.agent.instrument.JdkTargets;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.fiber.ThreadHooks;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Make the threads of the JDK's thread pools fibers.
 *
 * <p>Rewrites {@code Executors.DefaultThreadFactory.newThread(Runnable)}, the factory behind
 * {@code Executors.newFixedThreadPool}, {@code newCachedThreadPool}, {@code
 * newSingleThreadExecutor}, {@code newScheduledThreadPool} and {@code new ThreadPoolExecutor(...)}
 * without a factory: it returns a fiber with the name and daemon flag the factory chose.
 */
public final class ThreadFactoryInstrumentation implements TypeInstrumentation {
    private static final String FACTORY = "java.util.concurrent.Executors$DefaultThreadFactory";

    @Override
    public String name() {
        return "thread pools (Executors.defaultThreadFactory)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of(FACTORY);
    }

    @Override
    public String check() {
        return JdkTargets.missing(FACTORY, "newThread", Runnable.class.getName());
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, AgentOptions options) {
        return builder.type(named(FACTORY)).transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(NewThreadAdvice.class).on(named("newThread").and(takesArguments(Runnable.class)))));
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
