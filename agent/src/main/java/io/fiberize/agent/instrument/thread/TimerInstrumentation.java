package io.fiberize.agent.instrument.thread;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.fiber.ThreadHooks;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.MemberSubstitution;

/**
 * Make the thread of a {@code java.util.Timer} a fiber.
 *
 * <p>A {@code Timer} starts its {@code TimerThread} in its own constructor, inside the JDK, where
 * the application rewrite does not reach: this rewrites that one {@code Thread.start()} to {@link
 * ThreadHooks#start}. The timer thread then waits on its queue with {@code Object.wait}, which
 * parks the fiber and times out on the loop's timers; daemon timers stay daemon.
 */
public final class TimerInstrumentation implements TypeInstrumentation {
    private static final String TIMER = "java.util.Timer";

    @Override
    public String name() {
        return "timer threads (java.util.Timer)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of(TIMER);
    }

    @Override
    public String check() {
        return null;
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, AgentOptions options) {
        MemberSubstitution start;
        try {
            start = MemberSubstitution.relaxed()
                    .method(named("start").and(takesArguments(0)).and(isDeclaredBy(Thread.class)))
                    .replaceWith(ThreadHooks.class.getMethod("start", Thread.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ThreadHooks.start is missing", e);
        }
        return builder.type(named(TIMER)).transform((b, type, loader, module, domain) -> b.visit(start.on(any())));
    }
}
