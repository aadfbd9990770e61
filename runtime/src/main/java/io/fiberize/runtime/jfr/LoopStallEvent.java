package io.fiberize.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Record that the watchdog found a loop stuck in one task.
 *
 * <p>The event is committed by the watchdog's thread, so its own stack trace would be the
 * watchdog's: the culprit fiber's stack is in {@link #stack} instead.
 */
@Name("io.fiberize.LoopStall")
@Label("Loop Stall")
@Category("fiberize")
@Description("A loop stayed in one task past the watchdog's threshold")
@StackTrace(false)
public final class LoopStallEvent extends Event {
    @Label("Loop")
    String loop;

    @Label("Fiber")
    String fiber;

    @Label("Stalled")
    @Description("How long the task had run when the watchdog saw it")
    @Timespan(Timespan.MILLISECONDS)
    long stalled;

    @Label("Cause")
    String cause;

    @Label("Compensated")
    @Description("Whether the loop was handed to a new carrier")
    boolean compensated;

    @Label("Stack")
    @Description("The fiber's stack, innermost frame first")
    String stack;
}
