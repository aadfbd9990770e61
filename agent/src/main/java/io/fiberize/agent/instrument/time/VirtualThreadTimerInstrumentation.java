package io.fiberize.agent.instrument.time;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.time.TimerHooks;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.asm.Advice;

/**
 * Put a fiber's sleeps, timed parks and timed waits on its loop's timer queue.
 *
 * <p>Rewrites {@code java.lang.VirtualThread.schedule(Runnable, long, TimeUnit)}, where a virtual
 * thread with a custom scheduler arms the timeout of {@code Thread.sleep}, {@code
 * LockSupport.parkNanos} (and so every timed {@code java.util.concurrent} wait) and timed
 * {@code Object.wait}. Without it the JDK's {@code VirtualThread-unparker} thread fires them.
 */
public final class VirtualThreadTimerInstrumentation extends JdkMethodInstrumentation {

    public VirtualThreadTimerInstrumentation() {
        super("sleeps and timed parks (java.lang.VirtualThread.schedule)", "java.lang.VirtualThread",
                Target.of(ScheduleAdvice.class, "schedule", Runnable.class.getName(), "long",
                        TimeUnit.class.getName()));
    }

    /** Schedule on the fiber's loop, skipping the JDK's delayed-task schedulers. */
    static final class ScheduleAdvice {
        private ScheduleAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Future<?> enter(@Advice.FieldValue("scheduler") Executor scheduler,
                               @Advice.Argument(0) Runnable command, @Advice.Argument(1) long delay,
                               @Advice.Argument(2) TimeUnit unit) {
            return TimerHooks.schedule(scheduler, command, delay, unit);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Future<?> scheduled,
                         @Advice.Return(readOnly = false) Future<?> returned) {
            if (scheduled != null) {
                returned = scheduled;
            }
        }
    }
}
