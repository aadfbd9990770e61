package io.fiberize.agent.instrument.slice;

import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.instrument.thread.OwnEventLoopThreads;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.ApplicationClasses;
import io.fiberize.runtime.hooks.SliceHooks;
import java.util.List;

/**
 * Time slicing: a fiber that computes in application code gives the loop back once its slice ran
 * out ({@code slice=}, 10 ms by default), so that one computing fiber cannot hold every other
 * fiber of its loop. Application classes (those whose threads become fibers) get yield points
 * ({@link YieldPointRewrite}); the JDK's own code does not, so a long computation inside it (a
 * regular expression over a large input, a big {@code BigInteger}) holds the loop until it
 * returns to application code. With {@code slice=0} nothing is rewritten.
 */
public final class SliceInstrumentation implements TypeInstrumentation {

    @Override
    public String name() {
        return "time slicing (yield points in application code)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of();
    }

    @Override
    public String check() {
        try {
            SliceHooks.class.getMethod("check");
            SliceHooks.class.getMethod("checkEntry");
            SliceHooks.class.getMethod("onSpinWait");
            return null;
        } catch (NoSuchMethodException e) {
            return "the runtime's SliceHooks lacks " + e.getMessage();
        }
    }

    @Override
    public ClassRewrite rewrite(AgentOptions options) {
        if (options.sliceMillis() == 0) {
            return (loader, className, classfile) -> null;
        }
        ApplicationClasses application = OwnEventLoopThreads.applicationClasses(options);
        return (loader, className, classfile) -> application.contain(loader, className)
                ? YieldPointRewrite.rewrite(classfile) : null;
    }
}
