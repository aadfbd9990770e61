package io.fiberize.runtime.fiber;

import io.fiberize.runtime.jdk.VirtualThreads;
import io.fiberize.runtime.loop.EventLoop;

/**
 * Create fibers: virtual threads whose scheduler is one of our loops.
 *
 * <p>Each fiber is a real {@link Thread}: {@code Thread.currentThread()}, thread locals,
 * interrupts, lock ownership, monitors, {@code wait/notify}, thread dumps and JFR behave as for
 * any virtual thread. Each also has a {@link ProgramThread}: the daemon flag, priority and group of
 * the platform thread it stands for; a non-daemon one keeps the JVM alive from its start until it
 * ends, as that thread would have.
 */
public final class Fibers {

    private Fibers() {
    }

    /**
     * Create an unstarted fiber on {@code loop} in the group of the current thread, with normal
     * priority; start it with {@link Thread#start()}.
     *
     * @param name   the thread name, or {@code null} for the JDK's default (empty) name
     * @param daemon {@code false} if the JVM must not exit while the fiber runs
     */
    public static Thread newFiber(EventLoop loop, String name, boolean daemon, Runnable task) {
        ProgramThread program = new ProgramThread(Thread.currentThread().getThreadGroup(), daemon,
                Thread.NORM_PRIORITY, null, null);
        return newFiber(loop, name, program, true, task);
    }

    /**
     * Create an unstarted fiber on {@code loop} that reports what {@code program} says.
     *
     * @param inherit whether it inherits the creating thread's inheritable thread locals and
     *                context class loader, as the JDK's builders do by default
     */
    public static Thread newFiber(EventLoop loop, String name, ProgramThread program, boolean inherit, Runnable task) {
        Thread.Builder.OfVirtual builder = VirtualThreads.builder(loop).inheritInheritableThreadLocals(inherit);
        if (name != null) {
            builder.name(name);
        }
        return builder.unstarted(new FiberTask(loop, program, task));
    }

    /**
     * Start a fiber made by {@link #newFiber}; as {@link Thread#start()}.
     */
    public static void start(Thread fiber) {
        ProgramThread program = ProgramThreads.of(fiber);
        if (program != null) {
            program.starting(fiber, false);
        }
        try {
            fiber.start();
        } catch (RuntimeException | Error e) {
            if (program != null) {
                program.startFailed();
            }
            throw e;
        }
    }

    /**
     * Count a fiber of ours as started as it starts, whoever starts it: hold the JVM open if it
     * stands for a non-daemon thread. The agent calls it first thing in {@code
     * VirtualThread.start}; a no-op for any other virtual thread.
     *
     * @throws IllegalThreadStateException if the fiber was started before, with the platform
     *                                     thread's message (none)
     */
    public static void starting(Thread fiber) {
        ProgramThread program = ProgramThreads.of(fiber);
        if (program != null) {
            program.starting(fiber, true);
        }
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
}
