package io.fiberize.runtime.jmx;

import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.LoopGroup;
import io.fiberize.runtime.offload.OffloadPool;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Register the runtime's MXBeans with the platform MBean server once something creates it.
 *
 * <p>The agent does not create the platform MBean server: see {@link ExportingServerBuilder}. An
 * application that names its own builder in {@code javax.management.builder.initial} when the JVM
 * starts (on its command line) still gets its builder's servers: ours builds them through it. One
 * that sets the property later, from its own code, replaces ours and gets no fiberize MXBeans.
 */
public final class JmxExport {
    /** The domain of every fiberize MBean. */
    private static final String DOMAIN = "io.fiberize";
    private static final String BUILDER_PROPERTY = "javax.management.builder.initial";
    /** The builder the application named before the agent started, or {@code null}. */
    private static volatile String applicationBuilder;
    /**
     * What the MXBeans show, once {@link #registerWhenCreated} ran: the JDK makes the builder by
     * reflection, so it cannot be handed to it.
     */
    private static volatile Exported exported;

    private record Exported(LoopGroup loops, OffloadPool offload) {
    }

    private JmxExport() {
    }

    /**
     * Arrange for MXBeans of {@code loops} and {@code offload} to be registered in the platform
     * MBean server when it is created.
     */
    public static void registerWhenCreated(LoopGroup loops, OffloadPool offload) {
        exported = new Exported(loops, offload);
        String named = System.getProperty(BUILDER_PROPERTY);
        String ours = ExportingServerBuilder.class.getName();
        if (named != null && !named.equals(ours)) {
            applicationBuilder = named;
            RuntimeLog.info("the MBean servers are built by the application's " + named + ", through " + ours);
        }
        System.setProperty(BUILDER_PROPERTY, ours);
    }

    /**
     * Return the MBean server builder the application named, which {@link ExportingServerBuilder}
     * hands its calls to, or {@code null} for the JDK's.
     */
    static String applicationBuilder() {
        return applicationBuilder;
    }

    /**
     * Register the MXBeans in {@code server}, if {@link #registerWhenCreated} ran.
     */
    static void registerIn(MBeanServer server) {
        Exported what = exported;
        if (what == null) {
            return;
        }
        try {
            server.registerMBean(new StandardMBean(new LoopsBean(what.loops(), what.offload()), LoopsMXBean.class, true),
                    new ObjectName(DOMAIN + ":type=Loops"));
            for (EventLoop loop : what.loops().loops()) {
                server.registerMBean(new StandardMBean(new LoopBean(loop::stats), LoopMXBean.class, true),
                        new ObjectName(DOMAIN + ":type=Loop,name=" + loop.name()));
            }
        } catch (JMException | RuntimeException e) {
            RuntimeLog.warn("could not register the loops' MXBeans: " + e);
        }
    }
}
