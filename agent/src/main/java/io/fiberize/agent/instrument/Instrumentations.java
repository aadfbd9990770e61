package io.fiberize.agent.instrument;

import io.fiberize.agent.instrument.net.PollerInstrumentation;
import io.fiberize.agent.instrument.offload.DnsInstrumentation;
import io.fiberize.agent.instrument.offload.FileChannelInstrumentation;
import io.fiberize.agent.instrument.offload.FileInputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.FileOutputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.RandomAccessFileInstrumentation;
import io.fiberize.agent.instrument.thread.FiberStartInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadCallSiteInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadFactoryInstrumentation;
import io.fiberize.agent.instrument.thread.TimerInstrumentation;
import io.fiberize.agent.instrument.time.VirtualThreadTimerInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.RuntimeLog;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.fiber.ThreadHooks;
import io.fiberize.runtime.net.NetHooks;
import io.fiberize.runtime.offload.OffloadHooks;
import io.fiberize.runtime.time.TimerHooks;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * List everything fiberize rewrites, and install it.
 *
 * <p>The one table of rewrites, as gevent's {@code __implements__} lists what a module patches.
 * A class that cannot be rewritten is logged once and left as it was.
 */
public final class Instrumentations {
    private static final List<TypeInstrumentation> ALL = List.of(
            new PollerInstrumentation(),
            new VirtualThreadTimerInstrumentation(),
            new FiberStartInstrumentation(),
            new ThreadFactoryInstrumentation(),
            new ThreadCallSiteInstrumentation(),
            new TimerInstrumentation(),
            new DnsInstrumentation(),
            new FileInputStreamInstrumentation(),
            new FileOutputStreamInstrumentation(),
            new RandomAccessFileInstrumentation(),
            new FileChannelInstrumentation());

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
            ThreadHooks.class, OffloadHooks.class);

    /**
     * Get the JDK and the runtime ready for the rewrites, on this platform thread.
     *
     * <p>Initializes the JDK's socket poller, so that its helper threads start on the JDK's own
     * scheduler: a virtual thread inherits the scheduler of the thread that creates it, and the
     * first fiber to do socket I/O would otherwise adopt them. Initializes the runtime's hook
     * classes (the installer has loaded them all), so that no rewritten JDK method runs their
     * static initializers in the middle of the JDK's own work.
     */
    public static void prepare() {
        try {
            Class.forName("sun.nio.ch.Poller", true, null);
            for (Class<?> hooks : HOOKS) {
                Class.forName(hooks.getName(), true, null);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e.getMessage() + " is gone", e);
        }
    }

    /**
     * Install every rewrite; return how many there are.
     */
    public static int install(Instrumentation inst, AgentOptions options) {
        // Byte Buddy's Nexus (type initializers for generated classes, which we never make) is
        // set up by AgentBuilder.Default's constructor through sun.misc.Unsafe, and JDK 24+
        // prints a deprecation warning for that into every application. Our copy is relocated,
        // so this property is ours alone.
        System.setProperty(Nexus.PROPERTY, "true");
        // ignore(none()): Byte Buddy skips synthetic methods by default, and lambda bodies are
        // synthetic methods that start threads as often as any.
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().ignore(ElementMatchers.none()))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // Only JDK classes loaded before premain need retransforming; naming them spares
                // matching every loaded class, the bulk of start-up time.
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(loadedTargets()))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(new Reporter())
                .ignore(ElementMatchers.nameStartsWith("net.bytebuddy.")
                        .or(ElementMatchers.nameStartsWith("io.fiberize.shaded."))
                        .or(ElementMatchers.nameStartsWith("io.fiberize.agent."))
                        .or(ElementMatchers.nameStartsWith("io.fiberize.runtime.")));
        for (TypeInstrumentation instrumentation : ALL) {
            builder = instrumentation.extend(builder, options);
            RuntimeLog.debug("installing " + instrumentation.name());
        }
        builder.installOn(inst);
        return ALL.size();
    }

    private static Class<?>[] loadedTargets() {
        return ALL.stream().flatMap(i -> i.jdkTargets().stream()).distinct().map(name -> {
            try {
                return Class.forName(name, false, null);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name + " is gone", e);
            }
        }).toArray(Class<?>[]::new);
    }

    /** Return how many classes were rewritten so far. */
    public static int rewritten() {
        return REWRITTEN.get();
    }

    /** Count rewrites and log each class that could not be rewritten, once. */
    private static final class Reporter extends AgentBuilder.Listener.Adapter {
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            REWRITTEN.incrementAndGet();
            RuntimeLog.debug("rewrote " + type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            if (failed.add(typeName)) {
                RuntimeLog.warn("could not rewrite " + typeName + "; it runs unchanged (" + error + ")");
            }
        }
    }
}
