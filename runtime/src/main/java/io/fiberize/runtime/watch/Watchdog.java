package io.fiberize.runtime.watch;

import io.fiberize.runtime.RuntimeLog;
import io.fiberize.runtime.jdk.VirtualThreads;
import io.fiberize.runtime.loop.EventLoop;
import java.util.ArrayList;
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
 */
public final class Watchdog implements Runnable {
    private final List<EventLoop> loops;
    private final long thresholdNanos;
    private final List<Consumer<Stall>> listeners = new CopyOnWriteArrayList<>();
    private final long[] lastState;
    private final long[] since;
    private final boolean[] reported;
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
        this.reported = new boolean[loops.size()];
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

    private void check(int i, long now) {
        EventLoop loop = loops.get(i);
        long state = loop.turnState();
        if ((state & 1) == 0 || state != lastState[i]) {
            lastState[i] = state;
            since[i] = now;
            reported[i] = false;
            return;
        }
        if (reported[i] || now - since[i] < thresholdNanos) {
            return;
        }
        reported[i] = true;
        Stall stall = diagnose(loop, state, (now - since[i]) / 1_000_000);
        loop.stalled();
        RuntimeLog.warn(stall.report());
        for (Consumer<Stall> listener : listeners) {
            listener.accept(stall);
        }
    }

    private static Stall diagnose(EventLoop loop, long state, long millis) {
        Thread carrier = loop.carrier();
        Thread fiber = runningFiber(loop);
        List<StackTraceElement> stack = fiber == null ? List.of() : List.of(fiber.getStackTrace());
        Thread.State carrierState = carrier.getState();
        boolean carrierBlocked = carrierState == Thread.State.BLOCKED || carrierState == Thread.State.WAITING
                || carrierState == Thread.State.TIMED_WAITING;
        boolean inNative = !stack.isEmpty() && stack.get(0).isNativeMethod();
        Stall.Cause cause;
        if (stack.stream().anyMatch(f -> f.getMethodName().equals("<clinit>"))) {
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

    private static Thread runningFiber(EventLoop loop) {
        Runnable task = loop.currentTask();
        List<Thread> candidates = new ArrayList<>(loop.fibers());
        for (Thread fiber : candidates) {
            if (VirtualThreads.runContinuationOf(fiber) == task) {
                return fiber;
            }
        }
        return null;
    }
}
