package io.fiberize.agent.instrument.thread;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.fiberize.agent.instrument.JdkTargets;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.fiber.Fibers;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Hold the JVM open from the moment a non-daemon fiber starts, whoever starts it.
 *
 * <p>Rewrites {@code java.lang.VirtualThread.start(ThreadContainer)}: a thread pool (JDK code)
 * starts the fibers our thread-factory rewrite gave it, and the JVM must not exit between that
 * start and the fiber's first run, as it would not for the platform thread it stands for.
 */
public final class FiberStartInstrumentation implements TypeInstrumentation {
    private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

    @Override
    public String name() {
        return "fiber start (java.lang.VirtualThread.start)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of(VIRTUAL_THREAD);
    }

    @Override
    public String check() {
        return JdkTargets.missing(VIRTUAL_THREAD, "start", "jdk.internal.vm.ThreadContainer");
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, AgentOptions options) {
        return builder.type(named(VIRTUAL_THREAD)).transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(StartAdvice.class).on(named("start").and(takesArguments(1)))));
    }

    /** Arm the keep-alive of a non-daemon fiber. */
    static final class StartAdvice {
        private StartAdvice() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Thread fiber) {
            Fibers.starting(fiber);
        }
    }
}
