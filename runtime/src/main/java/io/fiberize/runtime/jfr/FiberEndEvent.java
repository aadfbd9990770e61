package io.fiberize.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Record that a fiber finished on a loop; the event's thread is the fiber. Off by default.
 */
@Name("io.fiberize.FiberEnd")
@Label("Fiber End")
@Category("fiberize")
@Enabled(false)
@StackTrace(false)
public final class FiberEndEvent extends Event {
    @Label("Loop")
    String loop;
}
