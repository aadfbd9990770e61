package io.fiberize.runtime.fiber;

import io.fiberize.runtime.FiberRuntime;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Run an application's threads as fibers, keeping the {@link Thread} objects it holds.
 *
 * <p>The agent rewrites {@code Thread.start()} in application code to {@link #start}, which runs
 * the thread's {@code run()} (its {@code Runnable}, or a subclass's override) in a fiber and
 * never starts the original as an OS thread. The original stays the application's handle, a
 * stand-in for the fiber: calls on it that observe or control the running thread ({@code join},
 * {@code isAlive}, {@code interrupt}, {@code getState}, ...) are rewritten to the methods here,
 * which forward them to the fiber; name, daemon flag and uncaught-exception handler are read
 * from it. Inside the fiber, {@code Thread.currentThread()} in application code returns the
 * stand-in, so {@code ((Worker) Thread.currentThread())} still works.
 *
 * <p>A {@code Thread} virtual already, or a start before the runtime is up, runs as before.
 */
public final class ThreadHooks {
    /** Stand-in to the fiber running it. Weak: a stand-in the application dropped goes. */
    private static final Map<Thread, Thread> FIBERS = Collections.synchronizedMap(new WeakHashMap<>());
    /** In a fiber that runs a stand-in: the stand-in. */
    private static final ThreadLocal<Thread> STAND_IN = new ThreadLocal<>();

    private ThreadHooks() {
    }

    /**
     * Start {@code thread} as a fiber on the next loop; as {@link Thread#start()} otherwise.
     *
     * @throws IllegalThreadStateException if it was started before, as {@code Thread.start()} does
     */
    public static void start(Thread thread) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime == null || thread.isVirtual()) {
            thread.start();
            return;
        }
        Thread fiber;
        synchronized (thread) {
            if (FIBERS.containsKey(thread) || thread.getState() != Thread.State.NEW) {
                throw new IllegalThreadStateException("thread " + thread.getName() + " was started already");
            }
            fiber = Fibers.newFiber(runtime.loops().next(), thread.getName(), thread.isDaemon(), () -> {
                STAND_IN.set(thread);
                thread.run();
            });
            fiber.setUncaughtExceptionHandler((f, e) -> thread.getUncaughtExceptionHandler().uncaughtException(thread, e));
            FIBERS.put(thread, fiber);
        }
        Fibers.start(fiber);
    }

    /**
     * Turn a thread a JDK thread factory just made (unstarted) into a fiber with its name and
     * daemon flag, for code that starts what the factory returns.
     */
    public static Thread fiberFor(Thread made) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime == null || made.isVirtual() || made.getState() != Thread.State.NEW) {
            return made;
        }
        return Fibers.newFiber(runtime.loops().next(), made.getName(), made.isDaemon(), made::run);
    }

    /**
     * Return the thread the application sees as current: the stand-in a fiber runs, if any.
     */
    public static Thread currentThread() {
        Thread current = Thread.currentThread();
        if (current.isVirtual()) {
            Thread standIn = STAND_IN.get();
            if (standIn != null) {
                return standIn;
            }
        }
        return current;
    }

    /**
     * Return the thread that really runs for {@code thread}: its fiber, or itself.
     */
    public static Thread running(Thread thread) {
        Thread fiber = FIBERS.get(thread);
        return fiber != null ? fiber : thread;
    }

    /** {@link Thread#join()} on the thread that really runs. */
    public static void join(Thread thread) throws InterruptedException {
        running(thread).join();
    }

    /** {@link Thread#join(long)} on the thread that really runs. */
    public static void join(Thread thread, long millis) throws InterruptedException {
        running(thread).join(millis);
    }

    /** {@link Thread#join(long, int)} on the thread that really runs. */
    public static void join(Thread thread, long millis, int nanos) throws InterruptedException {
        running(thread).join(millis, nanos);
    }

    /** {@link Thread#join(Duration)} on the thread that really runs. */
    public static boolean join(Thread thread, Duration duration) throws InterruptedException {
        return running(thread).join(duration);
    }

    /** {@link Thread#isAlive()} of the thread that really runs. */
    public static boolean isAlive(Thread thread) {
        return running(thread).isAlive();
    }

    /** {@link Thread#interrupt()} of the thread that really runs. */
    public static void interrupt(Thread thread) {
        running(thread).interrupt();
    }

    /** {@link Thread#isInterrupted()} of the thread that really runs. */
    public static boolean isInterrupted(Thread thread) {
        return running(thread).isInterrupted();
    }

    /** {@link Thread#getState()} of the thread that really runs. */
    public static Thread.State getState(Thread thread) {
        return running(thread).getState();
    }

    /** {@link Thread#getStackTrace()} of the thread that really runs. */
    public static StackTraceElement[] getStackTrace(Thread thread) {
        return running(thread).getStackTrace();
    }

    /**
     * {@link LockSupport#unpark(Thread)} of the thread that really runs: a thread that parks
     * itself after handing out {@code Thread.currentThread()} (the stand-in) must be woken.
     */
    public static void unpark(Thread thread) {
        LockSupport.unpark(thread == null ? null : running(thread));
    }

    /** {@link Thread#setName(String)} on the stand-in and its fiber alike. */
    public static void setName(Thread thread, String name) {
        thread.setName(name);
        Thread fiber = FIBERS.get(thread);
        if (fiber != null) {
            fiber.setName(name);
        }
    }
}
