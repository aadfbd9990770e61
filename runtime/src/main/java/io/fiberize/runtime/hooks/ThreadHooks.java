package io.fiberize.runtime.hooks;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.config.OwnLoopThreads;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.fiber.ProgramThread;
import io.fiberize.runtime.fiber.ProgramThreads;
import io.fiberize.runtime.jdk.ThreadFields;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;

/**
 * Run a program's threads as fibers, and keep every {@link Thread} object it holds behaving as
 * on a plain JVM.
 *
 * <p>Two kinds of object, one rule: the object the program holds answers as the platform thread.
 * <ul>
 * <li>A plain {@code java.lang.Thread} the program creates ({@code new Thread(...)}, a platform
 *     builder, a JDK thread factory) is replaced, right where it is created, by a fiber that took
 *     over its name, group, daemon flag, priority, context class loader, inheritable thread locals
 *     and handler ({@link #adopt}). The program holds the fiber itself: identity is exact for it
 *     and for every JDK class it passes the thread to. What a virtual thread would answer
 *     differently ({@code isDaemon}, {@code getPriority}, {@code getThreadGroup}, {@code
 *     toString}, ...) the agent sends to {@link ProgramThread}.</li>
 * <li>An application's {@code Thread} subclass cannot be a virtual thread. When it starts, a fiber
 *     runs its {@code run()} and the object stays the program's handle, a stand-in. The agent
 *     rewrites {@code java.lang.Thread} itself so that each method that observes or controls the
 *     running thread sends a started stand-in's call to its fiber: every path reaches it, virtual
 *     dispatch to overrides, method references and reflection included. In application code
 *     {@code Thread.currentThread()} returns the stand-in inside its fiber.</li>
 * </ul>
 *
 * <p>A thread that asks for a stack size stays a platform thread: a fiber cannot honour it. So do
 * the threads of libraries that run their own event loop ({@link OwnLoopThreads}).
 * Before the runtime is up every hook leaves the JDK's behaviour alone.
 */
public final class ThreadHooks {
    /** In a fiber that runs a stand-in: the stand-in. */
    private static final ThreadLocal<Thread> STAND_IN = new ThreadLocal<>();

    private ThreadHooks() {
    }

    // ---- creation, from application code and JDK thread factories ----

    /**
     * Return the fiber that replaces {@code made}, a plain platform thread that the code of
     * {@code maker} just created and did not start; {@code made} itself when it stays a platform
     * thread.
     */
    public static Thread adopt(Thread made, Class<?> maker) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime == null || made.isVirtual() || made.getState() != Thread.State.NEW || keepsPlatform(made)) {
            return made;
        }
        ProgramThread program = ProgramThread.of(made, maker, null);
        Thread fiber = Fibers.newFiber(runtime.loops().next(), made.getName(), program, false, made::run);
        takeOver(made, fiber);
        Thread.UncaughtExceptionHandler handler = ThreadFields.ownHandler(made);
        if (handler != null) {
            fiber.setUncaughtExceptionHandler(handler);
        }
        return fiber;
    }

    /** {@link #adopt} what a JDK thread factory made: no class of the application made it. */
    public static Thread adoptFromJdkFactory(Thread made) {
        return adopt(made, null);
    }

    /** {@link #adopt} what a platform builder made, then start it: {@code builder.start(task)}. */
    public static Thread startAdopted(Thread made, Class<?> maker) {
        Thread thread = adopt(made, maker);
        thread.start();
        return thread;
    }

    /** Return a factory that {@link #adopt}s what {@code factory}, made by {@code maker}'s code, makes. */
    public static ThreadFactory adopting(ThreadFactory factory, Class<?> maker) {
        return task -> adopt(factory.newThread(task), maker);
    }

    // ---- java.lang.Thread.start() ----

    /**
     * Say whether {@code thread.start()} starts a fiber for it: a started stand-in (to be refused),
     * or a new one whose class is an application's {@code Thread} subclass and not one that runs
     * its own event loop.
     */
    public static boolean startsAsStandIn(Thread thread) {
        if (ProgramThreads.fiberOf(thread) != null) {
            return true;
        }
        FiberRuntime runtime = FiberRuntime.get();
        return runtime != null && !thread.isVirtual() && thread.getClass() != Thread.class
                && runtime.config().application().contain(thread.getClass())
                && runtime.config().application().ownLoop(thread.getClass()) == null
                && thread.getState() == Thread.State.NEW && !keepsPlatform(thread);
    }

    /**
     * Start a fiber that runs {@code standIn}'s {@code run()}; as {@link Thread#start()} before
     * the runtime is up.
     *
     * @throws IllegalThreadStateException if it was started before, as {@code Thread.start()} does
     */
    public static void start(Thread standIn) {
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime == null) {
            standIn.start();
            return;
        }
        if (ProgramThreads.fiberOf(standIn) != null) {
            throw new IllegalThreadStateException();
        }
        ProgramThread program = ProgramThread.of(standIn, standIn.getClass(), standIn);
        Thread fiber = Fibers.newFiber(runtime.loops().next(), standIn.getName(), program, false, () -> {
            STAND_IN.set(standIn);
            standIn.run();
        });
        takeOver(standIn, fiber);
        ProgramThreads.standIn(standIn, fiber);
        Fibers.start(fiber);
    }

    /**
     * Start a fiber that runs {@code standIn}'s {@code run()} where the JDK starts it in a thread
     * container ({@code Thread.start(ThreadContainer)}, how a {@code ThreadPoolExecutor} starts
     * its workers): as {@link #start(Thread)}. The fiber is kept in the JDK's root container, as
     * every fiber is, not in the pool's.
     */
    public static void start(Thread standIn, Object container) {
        start(standIn);
    }

    /**
     * Give {@code fiber} what the not yet started {@code thread} holds for the code it will run:
     * context class loader, inheritable thread locals (inherited from whoever constructed it) and
     * an interrupt sent before the start.
     */
    private static void takeOver(Thread thread, Thread fiber) {
        fiber.setContextClassLoader(thread.getContextClassLoader());
        ThreadFields.moveInheritableLocals(thread, fiber);
        if (thread.isInterrupted()) {
            fiber.interrupt();
        }
    }

    private static boolean keepsPlatform(Thread thread) {
        long stackSize = ThreadFields.stackSize(thread);
        if (stackSize == 0) {
            return false;
        }
        RuntimeLog.info("thread \"" + thread.getName() + "\" stays a platform thread: it asks for a stack of "
                + stackSize + " bytes, which a fiber cannot honour");
        return true;
    }

    // ---- the running thread, for a stand-in: java.lang.Thread's methods ----

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
     * {@link Thread#isVirtual()} as application code sees it: false for a fiber that replaced a
     * platform thread, as for that thread.
     */
    public static boolean isVirtual(Thread thread) {
        return thread.isVirtual() && ProgramThreads.of(thread) == null;
    }

    /** Say whether {@code thread} is a started stand-in, whose calls go to its fiber. */
    public static boolean standsIn(Thread thread) {
        return ProgramThreads.fiberOf(thread) != null;
    }

    /**
     * Return the thread that really runs for {@code thread}: its fiber, or itself. For the JDK
     * methods that take a thread ({@code LockSupport.unpark}, {@code getBlocker}, {@code
     * hasQueuedThread}, ...).
     */
    public static Thread running(Thread thread) {
        Thread fiber = ProgramThreads.fiberOf(thread);
        return fiber != null ? fiber : thread;
    }

    /**
     * Say whether {@code isAlive} and {@code getState} of {@code thread} are answered here: for a
     * started stand-in, and for a fiber of ours whose task ended (it is no longer alive, though the
     * virtual thread may not have finished unmounting).
     */
    public static boolean answersLife(Thread thread) {
        if (ProgramThreads.fiberOf(thread) != null) {
            return true;
        }
        ProgramThread program = ProgramThreads.of(thread);
        return program != null && program.state() == ProgramThread.State.ENDED;
    }

    /** {@link Thread#isAlive()} of a thread {@link #answersLife} answers for. */
    public static boolean isAlive(Thread thread) {
        return ProgramThreads.of(running(thread)).alive();
    }

    /** {@link Thread#getState()} of a thread {@link #answersLife} answers for. */
    public static Thread.State getState(Thread thread) {
        Thread fiber = running(thread);
        return ProgramThreads.of(fiber).state() == ProgramThread.State.ENDED ? Thread.State.TERMINATED : fiber.getState();
    }

    /** {@link Thread#interrupt()} of a started stand-in. */
    public static void interrupt(Thread standIn) {
        running(standIn).interrupt();
    }

    /** {@link Thread#isInterrupted()} of a started stand-in. */
    public static boolean isInterrupted(Thread standIn) {
        return running(standIn).isInterrupted();
    }

    /**
     * {@link Thread#getStackTrace()} of a started stand-in. Asked from the fiber itself, the trace
     * starts, as on a plain JVM, at {@code Thread.getStackTrace}, this method's caller.
     */
    public static StackTraceElement[] getStackTrace(Thread standIn) {
        Thread fiber = running(standIn);
        if (fiber == Thread.currentThread()) {
            StackTraceElement[] here = new Throwable().getStackTrace();
            return Arrays.copyOfRange(here, 1, here.length);
        }
        return fiber.getStackTrace();
    }

    /** {@link Thread#getContextClassLoader()} of a started stand-in: its fiber's. */
    public static ClassLoader getContextClassLoader(Thread standIn) {
        return running(standIn).getContextClassLoader();
    }

    /** Before {@link Thread#setName}: a started stand-in's fiber takes the name too. */
    public static void naming(Thread thread, String name) {
        Thread fiber = ProgramThreads.fiberOf(thread);
        if (fiber != null) {
            fiber.setName(name);
        }
    }

    /** Before {@link Thread#setContextClassLoader}: a started stand-in's fiber takes the loader too. */
    public static void loading(Thread thread, ClassLoader loader) {
        Thread fiber = ProgramThreads.fiberOf(thread);
        if (fiber != null) {
            fiber.setContextClassLoader(loader);
        }
    }

    // ---- what a fiber reports as the platform thread it replaces ----

    /** Say whether {@code thread} is a fiber of ours that answers as a platform thread. */
    public static boolean reportsAsPlatform(Thread thread) {
        return ProgramThreads.of(thread) != null;
    }

    /** {@link Thread#isDaemon()} of a fiber of ours. */
    public static boolean isDaemon(Thread fiber) {
        return ProgramThreads.of(fiber).daemon();
    }

    /** {@link Thread#setDaemon(boolean)} of a fiber of ours. */
    public static void setDaemon(Thread fiber, boolean on) {
        ProgramThreads.of(fiber).daemon(on);
    }

    /** {@link Thread#getPriority()} of a fiber of ours. */
    public static int getPriority(Thread fiber) {
        return ProgramThreads.of(fiber).priority();
    }

    /** {@link Thread#setPriority(int)} of a fiber of ours. */
    public static void setPriority(Thread fiber, int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException();
        }
        ProgramThreads.of(fiber).priority(priority);
    }

    /** {@link Thread#getThreadGroup()} of a fiber of ours: {@code null} once it ended. */
    public static ThreadGroup getThreadGroup(Thread fiber) {
        return ProgramThreads.of(fiber).group();
    }

    /** {@link Thread#toString()} of a fiber of ours, in a platform thread's words. */
    public static String describe(Thread fiber) {
        ThreadGroup group = fiber.getThreadGroup();
        return "Thread[#" + fiber.threadId() + "," + fiber.getName() + "," + fiber.getPriority() + ","
                + (group == null ? "" : group.getName()) + "]";
    }

    /**
     * Add the live threads of the program that fibers run to {@code platform}, the JDK's live
     * platform threads: {@code ThreadGroup} counts, lists and interrupts from this list.
     */
    public static Thread[] withProgramThreads(Thread[] platform) {
        if (ProgramThreads.LIVE.isEmpty()) {
            return platform;
        }
        Thread[] program = ProgramThreads.LIVE.toArray(Thread[]::new);
        Thread[] all = Arrays.copyOf(platform, platform.length + program.length);
        System.arraycopy(program, 0, all, platform.length, program.length);
        return all;
    }
}
