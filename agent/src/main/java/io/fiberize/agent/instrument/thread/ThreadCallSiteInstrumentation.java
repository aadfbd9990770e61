package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.ApplicationClasses;
import io.fiberize.runtime.hooks.ThreadHooks;
import java.util.List;

/**
 * Make the plain threads application code creates fibers, and let them see themselves as the
 * platform threads they replace.
 *
 * <p>In application classes (not the JDK's, not fiberize's own; narrowed by the {@code include}
 * and {@code exclude} options) every creation of a plain {@code java.lang.Thread} is handed to
 * {@link ThreadHooks#adopt} ({@link ThreadCreationRewrite}), and every {@code
 * Thread.currentThread()} becomes {@link ThreadHooks#currentThread}, so that inside a fiber that
 * runs a {@code Thread} subclass's {@code run()}, {@code ((Worker) Thread.currentThread())} is
 * still that object; and {@code thread.isVirtual()} becomes {@link ThreadHooks#isVirtual}, false for
 * a fiber that replaced a platform thread (the JDK's own code keeps asking the real question,
 * which its park and I/O paths depend on). Everything else a program does with its threads reaches the rewritten {@code
 * java.lang.Thread} ({@link ThreadInstrumentation}).
 */
public final class ThreadCallSiteInstrumentation implements TypeInstrumentation {

    @Override
    public String name() {
        return "thread creation in application code";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of();
    }

    @Override
    public String check() {
        try {
            calls();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Override
    public ClassRewrite rewrite(AgentOptions options) {
        CallSiteRewrite calls = calls();
        ApplicationClasses application = OwnEventLoopThreads.applicationClasses(options);
        return (loader, className, classfile) -> {
            if (!application.contain(loader, className)) {
                return null;
            }
            byte[] created = ThreadCreationRewrite.rewrite(classfile);
            byte[] rewritten = calls.rewrite(loader, created == null ? classfile : created);
            return rewritten != null ? rewritten : created;
        };
    }

    private static CallSiteRewrite calls() {
        return CallSiteRewrite.to(ThreadHooks.class)
                .method(Thread.class, "currentThread")
                .method(Thread.class, "isVirtual");
    }
}
