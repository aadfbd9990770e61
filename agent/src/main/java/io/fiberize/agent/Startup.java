package io.fiberize.agent;

import io.fiberize.agent.instrument.Instrumentations;
import io.fiberize.agent.instrument.thread.OwnEventLoopThreads;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.config.RuntimeConfig;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.config.SeededSchedule;
import io.fiberize.runtime.dump.DumpProtocol;
import java.lang.instrument.Instrumentation;

/**
 * Check that this JDK still offers what fiberize needs, start the runtime and install the
 * rewrites; loaded only once the runtime is on the bootstrap class path. It reports nothing
 * itself when fiberize cannot run: it says why to {@code FiberizeAgent}, which decides.
 */
final class Startup {
    private Startup() {
    }

    /**
     * Set the log level, check this JDK, start the runtime and install the rewrites.
     *
     * @return why fiberize cannot run here, having started nothing, or {@code null} once it runs
     */
    static String start(AgentOptions options, Instrumentation inst, boolean attached) {
        RuntimeLog.setLevel(RuntimeLog.Level.valueOf(options.log().name()));
        String missing = FiberRuntime.check();
        if (missing == null) {
            missing = Instrumentations.check();
        }
        if (missing != null) {
            return "this JDK (" + System.getProperty("java.version") + ") lacks what fiberize needs: " + missing;
        }
        if (attached) {
            RuntimeLog.warn("attached to a running JVM: threads started before now stay platform threads");
        }
        Instrumentations.prepare();
        SeededSchedule schedule = options.seed() == null ? null : new SeededSchedule(options.seed(),
                SeededSchedule.Policy.valueOf(options.schedule().name()), options.pctDepth());
        FiberRuntime runtime = FiberRuntime.start(new RuntimeConfig(options.loops(), options.watchdogMillis(),
                options.sliceMillis(), options.offload(), OwnEventLoopThreads.applicationClasses(options), schedule));
        int installed = Instrumentations.install(inst, options);
        if (RuntimeLog.enabled(RuntimeLog.Level.INFO)) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("fiberize-exit-report").unstarted(
                    () -> RuntimeLog.info("at exit: " + runtime.loops().stats() + ", offloadCalls="
                            + runtime.offload().calls() + ", classesRewritten=" + Instrumentations.rewritten())));
        }
        String version = Startup.class.getPackage().getImplementationVersion();
        System.setProperty(DumpProtocol.VERSION_PROPERTY, version == null ? "unknown" : version);
        RuntimeLog.info("version " + version + " on JDK "
                + System.getProperty("java.version") + ": " + runtime.loops().loops().size() + " loop(s), "
                + installed + " instrumentations, options " + options.describe());
        return null;
    }
}
