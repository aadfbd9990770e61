package io.fiberize.runtime.jmx;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * Build MBean servers as the JDK does, and register the loops' MXBeans in the first one built.
 *
 * <p>Named by {@code javax.management.builder.initial}, so that the MXBeans appear when the
 * platform MBean server is created (by a JMX connector, an attaching tool, or the application)
 * and the agent never creates it itself: creating it costs a few hundred milliseconds of CPU (it
 * collects every diagnostic command's description), which would otherwise compete with the
 * application's start.
 */
public final class ExportingServerBuilder extends MBeanServerBuilder {
    private static final AtomicBoolean EXPORTED = new AtomicBoolean();

    /** Create the builder; the JDK does, through the system property. */
    public ExportingServerBuilder() {
    }

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        MBeanServer server = super.newMBeanServer(defaultDomain, outer, delegate);
        if (!EXPORTED.getAndSet(true)) {
            JmxExport.registerIn(outer != null ? outer : server);
        }
        return server;
    }
}
