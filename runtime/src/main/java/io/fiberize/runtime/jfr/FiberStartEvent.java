package io.fiberize.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Record that a fiber began to run on a loop; the event's thread is the fiber. Off by default.
 */
@Name("io.fiberize.FiberStart")
@Label("Fiber Start")
@Category("fiberize")
@Enabled(false)
@StackTrace(false)
public final class FiberStartEvent extends Event {
    @Label("Loop")
    String loop;
}
