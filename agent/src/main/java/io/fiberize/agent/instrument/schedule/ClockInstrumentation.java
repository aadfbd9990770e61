package io.fiberize.agent.instrument.schedule;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.hooks.ScheduleHooks;

/**
 * {@code Instant.now()}, {@code LocalDateTime.now()} and every {@code java.time} reading of the
 * system clock on a seeded schedule's virtual clock ({@code seed=}): they all come to {@code
 * java.time.Clock.currentInstant()}, which then returns {@link ScheduleHooks#currentInstant()}.
 */
public final class ClockInstrumentation extends JdkMethodInstrumentation {

    public ClockInstrumentation() {
        super("virtual java.time clock (seed=)", "java.time.Clock",
                Target.of(Advice.replaceIf(ScheduleHooks.class, "onVirtualTime", "currentInstant"), "currentInstant"));
    }

    @Override
    protected boolean wanted(AgentOptions options) {
        return options.seed() != null;
    }
}
