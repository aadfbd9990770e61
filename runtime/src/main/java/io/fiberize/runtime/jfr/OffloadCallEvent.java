package io.fiberize.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * Record a call that ran on the offload pool for longer than the threshold (20 ms by default).
 *
 * <p>Begun and committed by the calling fiber, so the event's stack trace is the fiber's.
 */
@Name("io.fiberize.OffloadCall")
@Label("Offload Call")
@Category("fiberize")
@Description("A blocking call (DNS lookup, file I/O) ran on the offload pool while its fiber parked")
@Threshold("20 ms")
public final class OffloadCallEvent extends Event {
    private static final StackWalker WALKER = StackWalker.getInstance();

    @Label("What")
    @Description("The first method outside fiberize's offload code: the call that was offloaded")
    String what;

    /**
     * Commit this event, begun before the call, if it is enabled and took long enough.
     */
    public void finish() {
        end();
        if (shouldCommit()) {
            what = WALKER.walk(frames -> frames
                    .filter(f -> !f.getClassName().startsWith("io.fiberize.runtime."))
                    .findFirst()
                    .map(f -> f.getClassName() + "." + f.getMethodName())
                    .orElse("unknown"));
            commit();
        }
    }
}
