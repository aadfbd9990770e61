package io.fiberize.runtime.jfr;

import io.fiberize.runtime.watch.Stall;
import jdk.jfr.FlightRecorder;

/**
 * Emit fiberize's JFR events, touching an event class only while JFR runs.
 *
 * <p>Initialising the first event class of a JVM registers it with JFR's metadata repository,
 * which costs a hundred milliseconds or more; without the check that cost would land in the
 * first fiber to start, on the loop, in every JVM. {@link FlightRecorder#isInitialized()} is a
 * plain flag; once a recording starts (at launch or later through {@code jcmd JFR.start}) it
 * stays true, and each event's own settings decide from there.
 */
public final class JfrEmitter {

    private JfrEmitter() {
    }

    /** Record that the current fiber starts on {@code loop}. */
    public static void fiberStarted(String loop) {
        if (FlightRecorder.isInitialized()) {
            FiberStartEvent event = new FiberStartEvent();
            if (event.isEnabled()) {
                event.loop = loop;
                event.commit();
            }
        }
    }

    /** Record that the current fiber ends on {@code loop}. */
    public static void fiberEnded(String loop) {
        if (FlightRecorder.isInitialized()) {
            FiberEndEvent event = new FiberEndEvent();
            if (event.isEnabled()) {
                event.loop = loop;
                event.commit();
            }
        }
    }

    /** Record a stall the watchdog saw, and its compensation if there was one. */
    public static void stalled(Stall stall) {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        String fiber = stall.fiber() == null ? null : stall.fiber().getName();
        LoopStallEvent event = new LoopStallEvent();
        if (event.isEnabled()) {
            event.loop = stall.loop();
            event.fiber = fiber;
            event.stalled = stall.millis();
            event.cause = stall.cause().name();
            event.compensated = stall.compensated() != null;
            StringBuilder stack = new StringBuilder();
            for (StackTraceElement frame : stall.stack()) {
                stack.append(frame).append('\n');
            }
            event.stack = stack.toString();
            event.commit();
        }
        if (stall.compensated() != null) {
            CompensationEvent compensation = new CompensationEvent();
            if (compensation.isEnabled()) {
                compensation.loop = stall.loop();
                compensation.fiber = fiber;
                compensation.carrier = stall.compensated();
                compensation.cause = stall.cause().name();
                compensation.commit();
            }
        }
    }

    /**
     * Begin an event for a call about to be offloaded, or return {@code null} while JFR is off;
     * {@link OffloadCallEvent#finish()} ends it.
     */
    public static OffloadCallEvent offloadCallStarting() {
        if (!FlightRecorder.isInitialized()) {
            return null;
        }
        OffloadCallEvent event = new OffloadCallEvent();
        event.begin();
        return event;
    }
}
