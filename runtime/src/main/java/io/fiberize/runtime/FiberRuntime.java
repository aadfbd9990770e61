package io.fiberize.runtime;

import io.fiberize.runtime.config.RuntimeConfig;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.fiber.PinningHints;
import io.fiberize.runtime.jdk.Epoll;
import io.fiberize.runtime.jdk.JdkNet;
import io.fiberize.runtime.jdk.JdkPoller;
import io.fiberize.runtime.jdk.ThreadFields;
import io.fiberize.runtime.jdk.VirtualThreads;
import io.fiberize.runtime.jfr.JfrEmitter;
import io.fiberize.runtime.jmx.JmxExport;
import io.fiberize.runtime.loop.LoopGroup;
import io.fiberize.runtime.loop.RunQueue;
import io.fiberize.runtime.offload.OffloadPool;
import io.fiberize.runtime.schedule.Schedule;
import io.fiberize.runtime.slice.Slicer;
import io.fiberize.runtime.watch.Watchdog;
import java.util.List;

/**
 * Hold the process-wide fiber runtime the agent starts: the loops, the offload pool, the
 * watchdog and the slicer.
 *
 * <p>The rewritten JDK code reaches it through {@link #get()}; until {@link #start} has run,
 * that returns {@code null} and every hook leaves the JDK's own behaviour alone.
 */
public final class FiberRuntime {
    private static final String LOOP_NAME = "fiberize-loop";
    private static volatile FiberRuntime current;

    private final RuntimeConfig config;
    private final LoopGroup loops;
    private final OffloadPool offload;
    private final Watchdog watchdog;
    private final Schedule schedule;

    private FiberRuntime(RuntimeConfig config, LoopGroup loops, OffloadPool offload, Watchdog watchdog,
            Schedule schedule) {
        this.config = config;
        this.loops = loops;
        this.offload = offload;
        this.watchdog = watchdog;
        this.schedule = schedule;
    }

    /**
     * Start the runtime once; later calls return the running one. Its loops run until the JVM
     * halts; once it starts to exit, they stop blocking in native calls ({@link LoopGroup#exiting}).
     */
    public static synchronized FiberRuntime start(RuntimeConfig config) {
        if (current != null) {
            return current;
        }
        Schedule schedule = config.schedule() == null ? null : new Schedule(config.schedule());
        LoopGroup loops = schedule == null ? LoopGroup.start(LOOP_NAME, config.loops(), RunQueue.Fifo::new)
                : LoopGroup.start(LOOP_NAME, 1, schedule::runQueue, schedule.clock());
        Watchdog watchdog = null;
        if (config.watchdogMillis() > 0) {
            watchdog = new Watchdog(loops.loops(), config.watchdogMillis(),
                    List.of(JfrEmitter::stalled, new PinningHints())).start();
        }
        if (config.sliceMillis() > 0) {
            new Slicer(loops.loops(), config.sliceMillis()).start();
        }
        OffloadPool offload = new OffloadPool(config.offloadThreads());
        current = new FiberRuntime(config, loops, offload, watchdog, schedule);
        JmxExport.registerWhenCreated(loops, offload);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("fiberize-exiting").unstarted(loops::exiting));
        if (schedule != null) {
            // Said at warn level: whatever the run ends with, its seed is what replays it.
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("fiberize-schedule").unstarted(
                    () -> RuntimeLog.warn(schedule.summary())));
        }
        return current;
    }

    /** Return the running runtime, or {@code null} before {@link #start}. */
    public static FiberRuntime get() {
        return current;
    }

    /** Say what this JDK lacks that the runtime needs, or return {@code null} when nothing. */
    public static String check() {
        for (String missing : new String[] {VirtualThreads.check(), ThreadFields.check(), Epoll.check(), JdkPoller.check(),
                JdkNet.check()}) {
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    /** Return the configuration it was started with. */
    public RuntimeConfig config() {
        return config;
    }

    /** Return the loops. */
    public LoopGroup loops() {
        return loops;
    }

    /** Return the offload pool. */
    public OffloadPool offload() {
        return offload;
    }

    /** Return the seeded schedule, or {@code null} for the ordinary one. */
    public Schedule schedule() {
        return schedule;
    }

    /** Return the watchdog, or {@code null} when it is off. */
    public Watchdog watchdog() {
        return watchdog;
    }
}
