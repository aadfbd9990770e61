package io.fiberize.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Record that the watchdog handed a loop to a new carrier because a pinned fiber blocks the old one.
 */
@Name("io.fiberize.Compensation")
@Label("Compensation")
@Category("fiberize")
@Description("A loop was handed to a new carrier while a pinned fiber blocks the old one")
@StackTrace(false)
public final class CompensationEvent extends Event {
    @Label("Loop")
    String loop;

    @Label("Pinned Fiber")
    String fiber;

    @Label("New Carrier")
    String carrier;

    @Label("Cause")
    String cause;
}
