package io.fiberize.agent.instrument.schedule;

import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.ApplicationClasses;
import io.fiberize.runtime.hooks.ScheduleHooks;
import java.util.List;

/**
 * Scheduling points in all application code, on a seeded schedule only ({@code seed=}): where a
 * race can show, the schedule may switch fibers ({@link SchedulePointRewrite}). The JDK's own code
 * gets none; its blocking calls are points already, since a fiber that blocks gives way.
 */
public final class SchedulePointInstrumentation implements TypeInstrumentation {

    @Override
    public String name() {
        return "scheduling points in application code (seed=)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of();
    }

    @Override
    public String check() {
        try {
            ScheduleHooks.class.getMethod("point");
            return null;
        } catch (NoSuchMethodException e) {
            return "the runtime's ScheduleHooks lacks " + e.getMessage();
        }
    }

    @Override
    public ClassRewrite rewrite(AgentOptions options) {
        if (options.seed() == null) {
            return (loader, className, classfile) -> null;
        }
        ApplicationClasses application = allApplicationCode();
        SchedulePointRewrite points = new SchedulePointRewrite();
        return (loader, className, classfile) -> application.contain(loader, className)
                ? points.rewrite(loader, classfile) : null;
    }

    /** Return every class that is neither the JDK's nor fiberize's, whatever {@code include} and {@code exclude} say. */
    static ApplicationClasses allApplicationCode() {
        return new ApplicationClasses(List.of(), List.of(), List.of());
    }
}
