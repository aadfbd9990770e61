package io.fiberize.runtime.fiber;

import io.fiberize.runtime.jdk.VirtualThreads;
import io.fiberize.runtime.loop.EventLoop;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Create fibers: virtual threads whose scheduler is one of our loops.
 *
 * <p>Each fiber is a real {@link Thread}: {@code Thread.currentThread()}, thread locals,
 * interrupts, lock ownership, monitors, {@code wait/notify}, thread dumps and JFR behave as for
 * any virtual thread. A fiber that stands in for a non-daemon thread keeps the JVM alive from
 * {@link #start(Thread)} until it ends, as that thread would have.
 */
public final class Fibers {
    /** Non-daemon fibers created but not started yet: {@link #start(Thread)} arms their keep-alive. */
    private static final Map<Thread, FiberTask> UNSTARTED = Collections.synchronizedMap(new WeakHashMap<>());

    private Fibers() {
    }

    /**
     * Create an unstarted fiber on {@code loop}; start it with {@link #start(Thread)}.
     *
     * @param name   the thread name, or {@code null} for the JDK's default (empty) name
     * @param daemon {@code false} if the JVM must not exit while the fiber runs
     */
    public static Thread newFiber(EventLoop loop, String name, boolean daemon, Runnable task) {
        FiberTask fiberTask = new FiberTask(loop, task, daemon);
        Thread.Builder.OfVirtual builder = VirtualThreads.builder(loop);
        if (name != null) {
            builder.name(name);
        }
        Thread fiber = builder.unstarted(fiberTask);
        if (!daemon) {
            UNSTARTED.put(fiber, fiberTask);
        }
        return fiber;
    }

    /**
     * Start a fiber made by {@link #newFiber}, holding the JVM open first if it is non-daemon.
     */
    public static void start(Thread fiber) {
        FiberTask fiberTask = arm(fiber);
        try {
            fiber.start();
        } catch (RuntimeException | Error e) {
            if (fiberTask != null) {
                fiberTask.startFailed();
            }
            throw e;
        }
    }

    /**
     * Hold the JVM open for {@code fiber} if it is a non-daemon fiber about to start; a no-op for
     * any other thread, and the second time. The agent calls it from {@code VirtualThread.start},
     * so that a fiber started by JDK code (a thread pool) holds the JVM as well.
     */
    public static void starting(Thread fiber) {
        arm(fiber);
    }

    private static FiberTask arm(Thread fiber) {
        FiberTask fiberTask = UNSTARTED.remove(fiber);
        if (fiberTask != null) {
            fiberTask.starting();
        }
        return fiberTask;
    }

    /**
     * Create and start a fiber on {@code loop}.
     */
    public static Thread start(EventLoop loop, String name, boolean daemon, Runnable task) {
        Thread fiber = newFiber(loop, name, daemon, task);
        start(fiber);
        return fiber;
    }

    /**
     * Return the loop {@code thread} runs on, or {@code null} when it is not a fiber.
     */
    public static EventLoop loopOf(Thread thread) {
        return VirtualThreads.schedulerOf(thread) instanceof EventLoop loop ? loop : null;
    }

    /**
     * Return the loop of the current thread, or {@code null} when it is not a fiber.
     */
    public static EventLoop currentLoop() {
        return loopOf(Thread.currentThread());
    }

    /**
     * Say whether {@code thread} is a fiber of one of our loops.
     */
    public static boolean isFiber(Thread thread) {
        return loopOf(thread) != null;
    }

    /**
     * Return how many fibers currently hold the JVM open.
     */
    public static int keepingAlive() {
        return KeepAlive.alive();
    }
}
