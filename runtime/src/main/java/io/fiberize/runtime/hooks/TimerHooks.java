package io.fiberize.runtime.hooks;

import io.fiberize.runtime.fiber.Fibers;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Put a fiber's sleeps and timed parks on its loop's timer queue.
 *
 * <p>The agent rewrites {@code java.lang.VirtualThread.schedule}, where every timed park, sleep
 * and timed wait of a virtual thread with a custom scheduler arms its timeout, to ask {@link
 * #onLoop} first and, if so, to return what {@link #schedule} returns; without it the JDK's {@code
 * VirtualThread-unparker} thread would fire those timeouts and resume the fiber from outside its
 * loop.
 */
public final class TimerHooks {
    private TimerHooks() {
    }

    /**
     * Say whether the timeouts of {@code virtualThread} go to one of our loops: whether it is a
     * fiber.
     */
    public static boolean onLoop(Thread virtualThread) {
        return Fibers.isFiber(virtualThread);
    }

    /**
     * Schedule {@code command} on the loop of {@code virtualThread}, a fiber ({@link #onLoop}).
     */
    public static Future<?> schedule(Thread virtualThread, Runnable command, long delay, TimeUnit unit) {
        return Fibers.loopOf(virtualThread).schedule(command, delay, unit);
    }
}
