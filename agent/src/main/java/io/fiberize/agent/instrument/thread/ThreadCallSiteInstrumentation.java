package io.fiberize.agent.instrument.thread;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.fiber.ThreadHooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Make the threads an application starts fibers, and its calls on them reach those fibers.
 *
 * <p>In application classes (not the JDK's, not fiberize's own; narrowed by the {@code include}
 * and {@code exclude} options) every call of {@code Thread.start()} becomes {@link
 * ThreadHooks#start}, every {@code Thread.currentThread()} becomes {@link
 * ThreadHooks#currentThread}, and the calls that observe or control a running thread are sent to
 * the fiber that runs it, as is {@code LockSupport.unpark} of a stand-in. This covers {@code new
 * Thread(runnable)}, {@code Thread.ofPlatform()} builders' {@code unstarted} threads, and {@code
 * Thread} subclasses alike: the {@code Thread} object stays the application's handle; the fiber
 * does the running. A call that resolves to a subclass's own override (its {@code start()}, say)
 * stays, and reaches the hook through the override's {@code super} call.
 */
public final class ThreadCallSiteInstrumentation implements TypeInstrumentation {

    @Override
    public String name() {
        return "thread start and control in application code";
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
        ApplicationClasses application = new ApplicationClasses(options);
        return (loader, className, classfile) -> application.contain(loader, className)
                ? calls.rewrite(loader, classfile) : null;
    }

    private static CallSiteRewrite calls() {
        return CallSiteRewrite.to(ThreadHooks.class)
                .method(Thread.class, "start")
                .method(Thread.class, "currentThread")
                .method(Thread.class, "join")
                .method(Thread.class, "join", long.class)
                .method(Thread.class, "join", long.class, int.class)
                .method(Thread.class, "join", Duration.class)
                .method(Thread.class, "isAlive")
                .method(Thread.class, "interrupt")
                .method(Thread.class, "isInterrupted")
                .method(Thread.class, "getState")
                .method(Thread.class, "getStackTrace")
                .method(Thread.class, "setName", String.class)
                .method(LockSupport.class, "unpark", Thread.class);
    }

    /** Tell the classes whose thread use is fiberized. */
    static final class ApplicationClasses {
        private final List<String> include;
        private final List<String> exclude;

        ApplicationClasses(AgentOptions options) {
            this.include = internalForm(options.include());
            this.exclude = internalForm(options.exclude());
        }

        /**
         * Say whether {@code className} (internal form), defined by {@code loader}, is an
         * application class that the options let through.
         */
        boolean contain(ClassLoader loader, String className) {
            if (loader == null || loader == ClassLoader.getPlatformClassLoader()
                    || className.startsWith("io/fiberize/agent/") || className.startsWith("io/fiberize/runtime/")) {
                return false;
            }
            for (String prefix : exclude) {
                if (className.startsWith(prefix)) {
                    return false;
                }
            }
            if (include.isEmpty()) {
                return true;
            }
            for (String prefix : include) {
                if (className.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> internalForm(List<String> prefixes) {
            List<String> internal = new ArrayList<>();
            for (String prefix : prefixes) {
                internal.add(prefix.replace('.', '/'));
            }
            return List.copyOf(internal);
        }
    }
}
