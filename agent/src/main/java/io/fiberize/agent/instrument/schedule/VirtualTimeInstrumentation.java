package io.fiberize.agent.instrument.schedule;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.ApplicationClasses;
import io.fiberize.runtime.hooks.ScheduleHooks;
import java.util.List;

/**
 * Virtual time on a seeded schedule ({@code seed=}): {@code System.nanoTime()} and {@code
 * System.currentTimeMillis()} read the schedule's clock ({@link ScheduleHooks}) in all application
 * code and in the JDK code that measures a timeout against them: a virtual thread's sleep, every
 * {@code java.util.concurrent} class, {@code java.util.Timer}, the socket timeouts and {@code
 * java.time.Clock}'s millisecond clock ({@code Instant.now()} is {@link ClockInstrumentation}'s).
 */
public final class VirtualTimeInstrumentation implements TypeInstrumentation {
    /** The JDK classes outside {@code java.util.concurrent} that measure timeouts with the JDK's clocks. */
    private static final List<String> JDK_CLOCK_READERS = List.of(
            "java.lang.VirtualThread", "java.lang.Thread", "java.util.Timer", "java.util.TimerThread",
            "sun.nio.ch.NioSocketImpl", "sun.nio.ch.SocketChannelImpl", "sun.nio.ch.ServerSocketChannelImpl",
            "java.time.Clock$SystemClock");
    /** The classes of {@code java.util.concurrent} that may be loaded before the agent starts. */
    private static final List<String> CONCURRENT_LOADED_EARLY = List.of(
            "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject",
            "java.util.concurrent.locks.AbstractQueuedLongSynchronizer",
            "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask",
            "java.util.concurrent.FutureTask", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.LinkedTransferQueue", "java.util.concurrent.SynchronousQueue",
            "java.util.concurrent.DelayQueue");

    @Override
    public String name() {
        return "virtual time (seed=)";
    }

    @Override
    public List<String> jdkTargets() {
        return java.util.stream.Stream.concat(JDK_CLOCK_READERS.stream(), CONCURRENT_LOADED_EARLY.stream()).toList();
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
        if (options.seed() == null) {
            return (loader, className, classfile) -> null;
        }
        CallSiteRewrite calls = calls();
        ApplicationClasses application = SchedulePointInstrumentation.allApplicationCode();
        List<String> jdk = JDK_CLOCK_READERS.stream().map(name -> name.replace('.', '/')).toList();
        return (loader, className, classfile) -> application.contain(loader, className)
                || loader == null && (className.startsWith("java/util/concurrent/") || jdk.contains(className))
                ? calls.rewrite(loader, classfile) : null;
    }

    private static CallSiteRewrite calls() {
        return CallSiteRewrite.to(ScheduleHooks.class)
                .method(System.class, "nanoTime")
                .method(System.class, "currentTimeMillis");
    }
}
