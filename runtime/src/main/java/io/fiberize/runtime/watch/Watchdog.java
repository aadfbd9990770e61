package io.fiberize.runtime.watch;

import io.fiberize.runtime.RuntimeLog;
import io.fiberize.runtime.jdk.VirtualThreads;
import io.fiberize.runtime.jfr.JfrEmitter;
import io.fiberize.runtime.loop.EventLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    /** A carrier that ran for at least this share of the stall was computing, not blocked. */
    private static final double BUSY_CPU_SHARE = 0.1;

    private final List<EventLoop> loops;
    private final long thresholdNanos;
    private final List<Consumer<Stall>> listeners = new CopyOnWriteArrayList<>();
    private final long[] lastState;
    private final long[] since;
    private final long[] cpuSince;
    private final long[] windowStart;
    private final Stall.Cause[] reported;
    private ThreadMXBean threads; // the watchdog thread's own; looked up there, off the start-up path
    private volatile boolean stopped;

    /**
     * Create a watchdog over {@code loops}; {@link #start()} starts its thread.
     */
    public Watchdog(List<EventLoop> loops, long thresholdMillis) {
        if (thresholdMillis <= 0) {
            throw new IllegalArgumentException("threshold must be positive, not " + thresholdMillis);
        }
        this.loops = List.copyOf(loops);
        this.thresholdNanos = thresholdMillis * 1_000_000;
        this.lastState = new long[loops.size()];
        this.since = new long[loops.size()];
        this.cpuSince = new long[loops.size()];
        this.windowStart = new long[loops.size()];
        this.reported = new Stall.Cause[loops.size()];
    }

    /** Start the watchdog's thread. */
    public Watchdog start() {
        Thread.ofPlatform().name("fiberize-watchdog").daemon(true).inheritInheritableThreadLocals(false).start(this);
        return this;
    }

    /** Call {@code listener} with each stall, besides logging it. */
    public void addListener(Consumer<Stall> listener) {
        listeners.add(listener);
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
            for (int i = 0; i < loops.size(); i++) {
                check(i, System.nanoTime());
            }
        }
    }

    /**
     * Look at loop {@code i}: a task running for a threshold is diagnosed; a stall found busy is
     * diagnosed again every threshold (over that window's CPU time only), because a fiber that
     * computed for a while and then blocks pinned needs the hand-off as much as one that blocked
     * at once. A stall is reported again only when its diagnosis changes.
     */
    private void check(int i, long now) {
        EventLoop loop = loops.get(i);
        long state = loop.turnState();
        if ((state & 1) == 0 || state != lastState[i]) {
            lastState[i] = state;
            since[i] = now;
            windowStart[i] = now;
            cpuSince[i] = cpuTime(loop.carrier());
            reported[i] = null;
            return;
        }
        if (now - windowStart[i] < thresholdNanos || (reported[i] != null && reported[i] != Stall.Cause.BUSY)) {
            return;
        }
        long cpu = cpuTime(loop.carrier());
        double cpuShare = cpu < 0 || cpuSince[i] < 0 ? -1 : (double) (cpu - cpuSince[i]) / (now - windowStart[i]);
        windowStart[i] = now;
        cpuSince[i] = cpu;
        Stall stall = diagnose(loop, state, (now - since[i]) / 1_000_000, cpuShare);
        if (stall.cause() == reported[i]) {
            return;
        }
        reported[i] = stall.cause();
        loop.stalled();
        JfrEmitter.stalled(stall);
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
     * @param cpuShare the carrier's CPU time over the stall divided by its length; -1 if unknown
     */
    private static Stall diagnose(EventLoop loop, long state, long millis, double cpuShare) {
        Thread carrier = loop.carrier();
        Thread fiber = VirtualThreads.mountedOn(carrier);
        List<StackTraceElement> stack = fiber == null ? List.of() : List.of(fiber.getStackTrace());
        Thread.State carrierState = carrier.getState();
        boolean carrierBlocked = carrierState == Thread.State.BLOCKED || carrierState == Thread.State.WAITING
                || carrierState == Thread.State.TIMED_WAITING;
        boolean inNative = !stack.isEmpty() && stack.get(0).isNativeMethod();
        Stall.Cause cause;
        if (cpuShare >= BUSY_CPU_SHARE) {
            cause = Stall.Cause.BUSY; // running, whatever frame one sample caught it in
        } else if (stack.stream().anyMatch(f -> f.getMethodName().equals("<clinit>"))) {
            cause = carrierBlocked || inNative ? Stall.Cause.CLASS_INITIALIZER : Stall.Cause.BUSY;
        } else if (inNative || stack.stream().anyMatch(StackTraceElement::isNativeMethod) && carrierBlocked) {
            cause = Stall.Cause.NATIVE;
        } else if (carrierBlocked) {
            cause = Stall.Cause.BLOCKED;
        } else {
            cause = Stall.Cause.BUSY;
        }
        String compensated = null;
        if (cause != Stall.Cause.BUSY && loop.handOff(state)) {
            compensated = loop.carrier().getName();
        }
        return new Stall(loop.name(), millis, fiber, stack, cause, compensated);
    }
}
