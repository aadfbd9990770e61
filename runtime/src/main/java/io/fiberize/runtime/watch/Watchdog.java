package io.fiberize.runtime.watch;

import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.jdk.MountedThreads;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.os.SchedStat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Consumer;

/**
 * Notice a loop that has not come back from one task for longer than a threshold, report the
 * culprit once, and hand the loop to a new carrier when the old one is pinned and blocked.
 *
 * <p>A daemon platform thread samples each loop's {@link EventLoop#turnState()} every half
 * threshold: the same odd value twice, a threshold apart, is a stall. A fiber pinned by a class
 * initializer or a native frame that then waits for another fiber of the same loop would
 * deadlock the loop forever (the JDK does not compensate on a custom scheduler); this is what
 * breaks that cycle. A fiber that merely computes is reported, never compensated: running a
 * second fiber beside it would break the one-fiber-at-a-time promise for no deadlock.
 *
 * <p>What tells the two apart is the carrier's CPU time over the stall, not one stack sample: a
 * carrier parked in a class initializer or blocked in a native call burns next to none, while a
 * computing one burns it all, even when it keeps calling native methods (one sample of such a
 * loop usually lands in the native method and looked like a blocked native call).
 */
public final class Watchdog implements Runnable {
    /**
     * A carrier that ran for at least this share of the stall was computing, not blocked; one that
     * waited at least this share of it for a CPU was runnable, not blocked.
     */
    private static final double BUSY_CPU_SHARE = 0.1;

    private final List<LoopWatch> watches;
    private final long thresholdNanos;
    private final List<Consumer<Stall>> listeners;
    private ThreadMXBean threads; // the watchdog thread's own; looked up there, off the start-up path
    private volatile boolean stopped;

    /**
     * Create a watchdog over {@code loops} that logs each stall and hands it to each of {@code
     * listeners}; {@link #start()} starts its thread.
     */
    public Watchdog(List<EventLoop> loops, long thresholdMillis, List<Consumer<Stall>> listeners) {
        if (thresholdMillis <= 0) {
            throw new IllegalArgumentException("threshold must be positive, not " + thresholdMillis);
        }
        this.watches = loops.stream().map(LoopWatch::new).toList();
        this.thresholdNanos = thresholdMillis * 1_000_000;
        this.listeners = List.copyOf(listeners);
    }

    /** Start the watchdog's thread. */
    public Watchdog start() {
        Thread.ofPlatform().name("fiberize-watchdog").daemon(true).inheritInheritableThreadLocals(false).start(this);
        return this;
    }

    /** Stop sampling; for tests and embedders. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            threads = ManagementFactory.getThreadMXBean();
        } catch (LinkageError e) {
            // A runtime image without java.management: diagnose from the stack alone.
            RuntimeLog.info("watchdog: no thread CPU times (" + e
                    + "); a busy fiber in a native call may be compensated");
        }
        long periodMillis = Math.max(1, thresholdNanos / 2_000_000);
        while (!stopped) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            for (LoopWatch watch : watches) {
                check(watch, System.nanoTime());
            }
        }
    }

    /**
     * Look at one loop: a task running for a threshold is diagnosed; a stall found busy or starved
     * is diagnosed again every threshold (over that window's CPU and run-queue times only),
     * because a fiber that computed, or waited for a CPU, for a while and then blocks pinned needs
     * the hand-off as much as one that blocked at once. A stall is reported again only when its
     * diagnosis changes.
     */
    private void check(LoopWatch watch, long now) {
        EventLoop loop = watch.loop;
        long state = loop.turnState();
        if ((state & 1) == 0) {
            watch.betweenTasks();
            return;
        }
        if (!watch.sameTask(state)) {
            watch.taskStarted(state, now, cpuTime(loop.carrier()), SchedStat.waitingNanos(loop.carrierTid()));
            return;
        }
        if (!watch.due(now, thresholdNanos)) {
            return;
        }
        double[] shares = watch.endWindow(now, cpuTime(loop.carrier()), SchedStat.waitingNanos(loop.carrierTid()));
        Stall stall = diagnose(loop, state, watch.millisSince(now), shares[0], shares[1]);
        if (!watch.diagnosed(stall.cause())) {
            return;
        }
        loop.stalled();
        RuntimeLog.warn(stall.report());
        for (Consumer<Stall> listener : listeners) {
            listener.accept(stall);
        }
    }

    /** Return the CPU time of {@code carrier} in nanoseconds, or -1 when the JVM cannot tell. */
    private long cpuTime(Thread carrier) {
        try {
            return threads != null && threads.isThreadCpuTimeEnabled()
                    ? threads.getThreadCpuTime(carrier.threadId())
                    : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /**
     * Tell why the loop is stuck, and compensate when its carrier is blocked.
     *
     * @param cpuShare  the carrier's CPU time over the stall divided by its length; -1 if unknown
     * @param waitShare the carrier's time waiting for a CPU over the stall divided by its length;
     *                  -1 if unknown
     */
    private static Stall diagnose(EventLoop loop, long state, long millis, double cpuShare, double waitShare) {
        Thread carrier = loop.carrier();
        Thread fiber = MountedThreads.on(carrier);
        List<StackTraceElement> stack = fiber == null ? List.of() : List.of(fiber.getStackTrace());
        Stall.Cause cause = cause(cpuShare, waitShare, stack, carrier.getState());
        String compensated = null;
        if (cause.blocksCarrier() && loop.handOff(state)) {
            compensated = loop.carrier().getName();
        }
        return new Stall(loop.name(), millis, fiber, stack, cause, compensated, loop.sliceExpiredIn(state));
    }

    /**
     * Tell why a carrier stays in one task from how much it ran and waited to run, the stack of
     * its fiber (innermost first) and its thread state.
     */
    static Stall.Cause cause(double cpuShare, double waitShare, List<StackTraceElement> stack,
            Thread.State carrierState) {
        boolean carrierBlocked = carrierState == Thread.State.BLOCKED || carrierState == Thread.State.WAITING
                || carrierState == Thread.State.TIMED_WAITING;
        boolean inNative = !stack.isEmpty() && stack.get(0).isNativeMethod();
        if (cpuShare >= BUSY_CPU_SHARE) {
            return Stall.Cause.BUSY; // running, whatever frame one sample caught it in
        }
        if (waitShare >= BUSY_CPU_SHARE && !carrierBlocked) {
            return Stall.Cause.STARVED; // runnable, in Java code or a short native call, but not run
        }
        if (stack.stream().anyMatch(f -> f.getMethodName().equals("<clinit>"))) {
            return carrierBlocked || inNative ? Stall.Cause.CLASS_INITIALIZER : Stall.Cause.BUSY;
        }
        if (inNative || stack.stream().anyMatch(StackTraceElement::isNativeMethod) && carrierBlocked) {
            return Stall.Cause.NATIVE;
        }
        return carrierBlocked ? Stall.Cause.BLOCKED : Stall.Cause.BUSY;
    }
}
