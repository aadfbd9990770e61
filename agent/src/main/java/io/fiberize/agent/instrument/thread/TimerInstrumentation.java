package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.hooks.ThreadHooks;
import java.util.List;

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
        try {
            start();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Override
    public ClassRewrite rewrite(AgentOptions options) {
        CallSiteRewrite start = start();
        String timer = TIMER.replace('.', '/');
        return (loader, className, classfile) -> loader == null && className.equals(timer)
                ? start.rewrite(loader, classfile) : null;
    }

    private static CallSiteRewrite start() {
        return CallSiteRewrite.to(ThreadHooks.class).method(Thread.class, "start");
    }
}
