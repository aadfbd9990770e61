package io.fiberize.agent.instrument;

import io.fiberize.agent.instrument.dump.ThreadDumperInstrumentation;
import io.fiberize.agent.instrument.net.DescriptorCloseInstrumentation;
import io.fiberize.agent.instrument.net.ListenBacklogInstrumentation;
import io.fiberize.agent.instrument.net.PollerCallInstrumentation;
import io.fiberize.agent.instrument.net.SocketTryInstrumentation;
import io.fiberize.agent.instrument.offload.DnsInstrumentation;
import io.fiberize.agent.instrument.offload.FileChannelInstrumentation;
import io.fiberize.agent.instrument.offload.FileInputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.FileOutputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.ProcessPipeInputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.ProcessPipeOutputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.RandomAccessFileInstrumentation;
import io.fiberize.agent.instrument.schedule.ClockInstrumentation;
import io.fiberize.agent.instrument.schedule.MainInFiberInstrumentation;
import io.fiberize.agent.instrument.schedule.SchedulePointInstrumentation;
import io.fiberize.agent.instrument.schedule.VirtualTimeInstrumentation;
import io.fiberize.agent.instrument.slice.SliceInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadArgumentInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadCallSiteInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadFactoryInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadInstrumentation;
import io.fiberize.agent.instrument.thread.TimerInstrumentation;
import io.fiberize.agent.instrument.thread.VirtualThreadInstrumentation;
import io.fiberize.agent.instrument.time.VirtualThreadTimerInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.DumpHooks;
import io.fiberize.runtime.hooks.ListenHooks;
import io.fiberize.runtime.hooks.NetHooks;
import io.fiberize.runtime.hooks.OffloadHooks;
import io.fiberize.runtime.hooks.ScheduleHooks;
import io.fiberize.runtime.hooks.ThreadHooks;
import io.fiberize.runtime.hooks.TimerHooks;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * List everything fiberize rewrites, and install it.
 *
 * <p>The one table of rewrites, as gevent's {@code __implements__} lists what a module patches.
 * Rewrites use the JDK's own class-file API ({@code java.lang.classfile}). A class that cannot be
 * rewritten is logged once and left as it was.
 */
public final class Instrumentations {
    private static final List<TypeInstrumentation> ALL = List.of(
            new PollerCallInstrumentation(),
            DescriptorCloseInstrumentation.sockets(),
            DescriptorCloseInstrumentation.pipes(),
            DescriptorCloseInstrumentation.preCloses(),
            new SocketTryInstrumentation(),
            new ListenBacklogInstrumentation(),
            new VirtualThreadTimerInstrumentation(),
            new VirtualThreadInstrumentation(),
            new ThreadInstrumentation(),
            ThreadArgumentInstrumentation.lockSupport(),
            ThreadArgumentInstrumentation.queuedSynchronizer(),
            ThreadArgumentInstrumentation.queuedLongSynchronizer(),
            new ThreadFactoryInstrumentation(),
            new ThreadCallSiteInstrumentation(),
            new SliceInstrumentation(),
            new TimerInstrumentation(),
            new DnsInstrumentation(),
            new FileInputStreamInstrumentation(),
            new FileOutputStreamInstrumentation(),
            new RandomAccessFileInstrumentation(),
            new FileChannelInstrumentation(),
            new ProcessPipeInputStreamInstrumentation(),
            new ProcessPipeOutputStreamInstrumentation(),
            new ThreadDumperInstrumentation(),
            new SchedulePointInstrumentation(),
            new VirtualTimeInstrumentation(),
            new ClockInstrumentation(),
            new MainInFiberInstrumentation());

    private static final AtomicInteger REWRITTEN = new AtomicInteger();

    private Instrumentations() {
    }

    /**
     * Say what this JDK lacks that a rewrite needs, or return {@code null}.
     */
    public static String check() {
        for (TypeInstrumentation instrumentation : ALL) {
            String missing = instrumentation.check();
            if (missing != null) {
                return instrumentation.name() + ": " + missing;
            }
        }
        return null;
    }

    /** The runtime classes that rewritten JDK code calls. */
    private static final List<Class<?>> HOOKS = List.of(NetHooks.class, TimerHooks.class, Fibers.class,
            ThreadHooks.class, OffloadHooks.class, DumpHooks.class, ListenHooks.class, ScheduleHooks.class);

    /**
     * Get the runtime ready for the rewrites, on this platform thread: initialize its hook classes
     * (the installer has loaded them all), so that no rewritten JDK method runs their static
     * initializers in the middle of the JDK's own work.
     */
    public static void prepare() {
        try {
            for (Class<?> hooks : HOOKS) {
                Class.forName(hooks.getName(), true, null);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e.getMessage() + " is gone", e);
        }
    }

    /**
     * Install every rewrite; return how many there are.
     *
     * <p>Classes that load from now on are rewritten as they load; the JDK classes the rewrites
     * change that are loaded already are retransformed: only their method bodies change.
     */
    public static int install(Instrumentation inst, AgentOptions options) {
        List<ClassRewrite> rewrites = new ArrayList<>();
        Set<String> jdkTargets = new HashSet<>();
        for (TypeInstrumentation instrumentation : ALL) {
            rewrites.add(instrumentation.rewrite(options));
            jdkTargets.addAll(instrumentation.jdkTargets());
            RuntimeLog.debug("installing " + instrumentation.name());
        }
        inst.addTransformer(new RewriteTransformer(rewrites, REWRITTEN), true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && jdkTargets.contains(type.getName())) {
                loaded.add(type);
            }
        }
        try {
            inst.retransformClasses(loaded.toArray(Class<?>[]::new));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            // The JVM takes all of them or none: retry one by one, so that only the culprit is left out.
            for (Class<?> type : loaded) {
                retransform(inst, type);
            }
        }
        return ALL.size();
    }

    /** Return how many classes were rewritten so far. */
    public static int rewritten() {
        return REWRITTEN.get();
    }

    private static void retransform(Instrumentation inst, Class<?> type) {
        try {
            inst.retransformClasses(type);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            RuntimeLog.warn("could not rewrite " + type.getName() + "; it runs unchanged (" + e + ")");
        }
    }
}
