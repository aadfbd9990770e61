package io.fiberize.agent.instrument.thread;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.fiber.ThreadHooks;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Make the threads an application starts fibers, and its calls on them reach those fibers.
 *
 * <p>In application classes (not the JDK's, not fiberize's own; narrowed by the {@code include}
 * and {@code exclude} options) every call of {@code Thread.start()} becomes {@link
 * ThreadHooks#start}, every {@code Thread.currentThread()} becomes {@link
 * ThreadHooks#currentThread}, and the calls that observe or control a running thread are sent to
 * the fiber that runs it, as is {@code LockSupport.unpark} of a stand-in. This covers {@code new Thread(runnable)}, {@code Thread.ofPlatform()}
 * builders' {@code unstarted} threads, and {@code Thread} subclasses alike: the {@code Thread}
 * object stays the application's handle; the fiber does the running.
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
        return null;
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, AgentOptions options) {
        MemberSubstitution substitution = MemberSubstitution.relaxed()
                .method(threadMethod("start", 0)).replaceWith(hook("start", Thread.class))
                .method(named("currentThread").and(isStatic()).and(isDeclaredBy(Thread.class)))
                .replaceWith(hook("currentThread"))
                .method(threadMethod("join", 0)).replaceWith(hook("join", Thread.class))
                .method(threadMethod("join", 1).and(takesArguments(long.class)))
                .replaceWith(hook("join", Thread.class, long.class))
                .method(threadMethod("join", 2)).replaceWith(hook("join", Thread.class, long.class, int.class))
                .method(threadMethod("join", 1).and(takesArguments(Duration.class)))
                .replaceWith(hook("join", Thread.class, Duration.class))
                .method(threadMethod("isAlive", 0)).replaceWith(hook("isAlive", Thread.class))
                .method(threadMethod("interrupt", 0)).replaceWith(hook("interrupt", Thread.class))
                .method(threadMethod("isInterrupted", 0)).replaceWith(hook("isInterrupted", Thread.class))
                .method(threadMethod("getState", 0)).replaceWith(hook("getState", Thread.class))
                .method(threadMethod("getStackTrace", 0)).replaceWith(hook("getStackTrace", Thread.class))
                .method(threadMethod("setName", 1)).replaceWith(hook("setName", Thread.class, String.class))
                .method(named("unpark").and(isStatic()).and(isDeclaredBy(LockSupport.class)))
                .replaceWith(hook("unpark", Thread.class));
        return builder.type(new ApplicationClasses(options))
                .transform((b, type, loader, module, domain) -> b.visit(substitution.on(any())));
    }

    private static ElementMatcher.Junction<MethodDescription> threadMethod(String name, int arguments) {
        return named(name).and(not(isStatic())).and(takesArguments(arguments)).and(isDeclaredBy(Thread.class));
    }

    private static Method hook(String name, Class<?>... parameters) {
        try {
            return ThreadHooks.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ThreadHooks." + name + " is missing", e);
        }
    }

    /** Match the classes whose thread use is fiberized. */
    static final class ApplicationClasses implements AgentBuilder.RawMatcher {
        private final java.util.List<String> include;
        private final java.util.List<String> exclude;

        ApplicationClasses(AgentOptions options) {
            this.include = options.include();
            this.exclude = options.exclude();
        }

        @Override
        public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined,
                               java.security.ProtectionDomain domain) {
            if (loader == null || loader == ClassLoader.getPlatformClassLoader() || redefined != null) {
                return false;
            }
            String name = type.getName();
            if (name.startsWith("io.fiberize.agent.") || name.startsWith("io.fiberize.runtime.")
                    || name.startsWith("io.fiberize.shaded.") || name.startsWith("net.bytebuddy.")) {
                return false;
            }
            for (String prefix : exclude) {
                if (name.startsWith(prefix)) {
                    return false;
                }
            }
            if (include.isEmpty()) {
                return true;
            }
            for (String prefix : include) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
