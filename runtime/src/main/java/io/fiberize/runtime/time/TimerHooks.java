package io.fiberize.runtime.time;

import io.fiberize.runtime.loop.EventLoop;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Put a fiber's sleeps and timed parks on its loop's timer queue.
 *
 * <p>The agent rewrites {@code java.lang.VirtualThread.schedule}, where every timed park, sleep
 * and timed wait of a virtual thread with a custom scheduler arms its timeout, to call this
 * first; without it the JDK's {@code VirtualThread-unparker} thread would fire those timeouts and
 * resume the fiber from outside its loop.
 */
public final class TimerHooks {
    private TimerHooks() {
    }

    /**
     * Schedule {@code command} on {@code scheduler} if it is one of our loops; otherwise return
     * {@code null} so that the JDK schedules it as usual.
     */
    public static Future<?> schedule(Executor scheduler, Runnable command, long delay, TimeUnit unit) {
        return scheduler instanceof EventLoop loop ? loop.schedule(command, delay, unit) : null;
    }
}
