package io.fiberize.runtime.jmx;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMRuntimeException;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * Build MBean servers as the application's builder (or the JDK's) does, and register the loops'
 * MXBeans in the first one built.
 *
 * <p>Named by {@code javax.management.builder.initial}, so that the MXBeans appear when the
 * platform MBean server is created (by a JMX connector, an attaching tool, or the application)
 * and the agent never creates it itself: creating it costs a few hundred milliseconds of CPU (it
 * collects every diagnostic command's description), which would otherwise compete with the
 * application's start. When the application named its own builder in that property, this one
 * takes its place and hands every call to it ({@link JmxExport#registerWhenCreated()}).
 */
public final class ExportingServerBuilder extends MBeanServerBuilder {
    private static final AtomicBoolean EXPORTED = new AtomicBoolean();
    private final MBeanServerBuilder application;

    /**
     * Create the builder; the JDK does, through the system property.
     *
     * @throws JMRuntimeException when the application's builder cannot be created, as the JDK
     *                            throws for a builder it cannot create
     */
    public ExportingServerBuilder() {
        String name = JmxExport.applicationBuilder();
        application = name == null ? null : instantiate(name);
    }

    private static MBeanServerBuilder instantiate(String name) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(name, true, loader != null ? loader : ClassLoader.getSystemClassLoader());
            return (MBeanServerBuilder) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            JMRuntimeException failure = new JMRuntimeException("cannot create the MBean server builder " + name);
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public MBeanServerDelegate newMBeanServerDelegate() {
        return application == null ? super.newMBeanServerDelegate() : application.newMBeanServerDelegate();
    }

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        MBeanServer server = application == null ? super.newMBeanServer(defaultDomain, outer, delegate)
                : application.newMBeanServer(defaultDomain, outer, delegate);
        if (!EXPORTED.getAndSet(true)) {
            JmxExport.registerIn(outer != null ? outer : server);
        }
        return server;
    }
}
