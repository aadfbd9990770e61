package io.fiberize.agent.instrument.time;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.TimerHooks;
import java.util.concurrent.TimeUnit;

/**
 * Put a fiber's sleeps, timed parks and timed waits on its loop's timer queue.
 *
 * <p>Rewrites {@code java.lang.VirtualThread.schedule(Runnable, long, TimeUnit)}, where a virtual
 * thread with a custom scheduler arms the timeout of {@code Thread.sleep}, {@code
 * LockSupport.parkNanos} (and so every timed {@code java.util.concurrent} wait) and timed
 * {@code Object.wait}, to schedule a fiber's timeouts on its loop ({@link TimerHooks}). Without it
 * the JDK's {@code VirtualThread-unparker} thread fires them.
 */
public final class VirtualThreadTimerInstrumentation extends JdkMethodInstrumentation {

    public VirtualThreadTimerInstrumentation() {
        super("sleeps and timed parks (java.lang.VirtualThread.schedule)", "java.lang.VirtualThread",
                Target.of(Advice.replaceIf(TimerHooks.class, "onLoop", "schedule"),
                        "schedule", Runnable.class.getName(), "long", TimeUnit.class.getName()));
    }
}
