package io.fiberize.runtime.hooks;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.fiber.ProgramThread;
import io.fiberize.runtime.schedule.Schedule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Put a program on its seeded schedule: the agent installs these rewrites only with {@code
 * seed=}, so that ordinary runs pay nothing for them.
 *
 * <ul>
 * <li>{@link #point()}, before each place in the application's code where a race can show (a
 *     monitor enter, a {@code volatile} access, a {@code java.util.concurrent} lock or atomic
 *     call, a thread start or join): the schedule may switch fibers there.</li>
 * <li>{@link #nanoTime()}, {@link #currentTimeMillis()} and {@link #currentInstant()} instead of the
 *     JDK's clocks, in the application's code and in the JDK code that measures timeouts: the
 *     schedule's virtual clock in its fibers; the JDK's in other threads, which the schedule does
 *     not run and whose waits it cannot end.</li>
 * <li>{@link #mainInFiber} at the start of the main class's {@code main}: the program's main
 *     thread becomes a fiber of the schedule too.</li>
 * </ul>
 */
public final class ScheduleHooks {
    private static final AtomicBoolean MAIN_STARTED = new AtomicBoolean();

    private ScheduleHooks() {
    }

    private static Schedule schedule() {
        FiberRuntime runtime = FiberRuntime.get();
        return runtime == null ? null : runtime.schedule();
    }

    /** Return the schedule whose time the current thread lives in: a fiber's, or {@code null} for any other thread. */
    private static Schedule scheduleOfCurrentFiber() {
        Schedule schedule = schedule();
        return schedule != null && Fibers.currentLoop() != null ? schedule : null;
    }

    /** A scheduling point: the running fiber may give way to another here. */
    public static void point() {
        Schedule schedule = scheduleOfCurrentFiber();
        if (schedule != null) {
            schedule.point();
        }
    }

    /** {@link System#nanoTime()}: on the schedule's clock in its fibers, the JDK's elsewhere. */
    public static long nanoTime() {
        Schedule schedule = scheduleOfCurrentFiber();
        return schedule == null ? System.nanoTime() : schedule.nanoTime();
    }

    /** {@link System#currentTimeMillis()}: on the schedule's clock in its fibers, the JDK's elsewhere. */
    public static long currentTimeMillis() {
        Schedule schedule = scheduleOfCurrentFiber();
        return schedule == null ? System.currentTimeMillis() : schedule.currentTimeMillis();
    }

    /** Say whether the current thread reads the schedule's clock: whether it is one of its fibers. */
    public static boolean onVirtualTime() {
        return scheduleOfCurrentFiber() != null;
    }

    /** The instant {@code java.time.Clock} reads, in a fiber that {@link #onVirtualTime}. */
    public static Instant currentInstant() {
        return schedule().instant();
    }

    /**
     * Run the program's {@code main} in a fiber named {@code main} and wait for it, when called at
     * the start of {@code main} on the JVM's main thread with a schedule; return {@code false}
     * (and {@code main} goes on as written) anywhere else, in that fiber included. What the fiber's
     * {@code main} throws is thrown here, where the JVM reports it as it would have.
     */
    public static boolean mainInFiber(Class<?> mainClass, String[] args) throws Throwable {
        FiberRuntime runtime = FiberRuntime.get();
        Thread thread = Thread.currentThread();
        if (runtime == null || runtime.schedule() == null || thread.isVirtual() || !thread.getName().equals("main")
                || !MAIN_STARTED.compareAndSet(false, true)) {
            return false;
        }
        Method main = mainClass.getDeclaredMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            return false;
        }
        main.setAccessible(true);
        Throwable[] thrown = new Throwable[1];
        Thread fiber = Fibers.newFiber(runtime.loops().next(), thread.getName(),
                ProgramThread.of(thread, mainClass, null), true, () -> {
                    try {
                        main.invoke(null, (Object) args);
                    } catch (InvocationTargetException e) {
                        thrown[0] = withoutFramesBelow(e.getCause(), mainClass);
                    } catch (ReflectiveOperationException e) {
                        thrown[0] = e;
                    }
                });
        Fibers.start(fiber);
        fiber.join();
        if (thrown[0] != null) {
            throw thrown[0];
        }
        return true;
    }

    /** Drop the frames below the main method, which are the fiber's, not the program's. */
    private static Throwable withoutFramesBelow(Throwable e, Class<?> mainClass) {
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = stack.length - 1; i >= 0; i--) {
            if (stack[i].getClassName().equals(mainClass.getName()) && stack[i].getMethodName().equals("main")) {
                e.setStackTrace(Arrays.copyOf(stack, i + 1));
                break;
            }
        }
        return e;
    }
}
