package io.fiberize.runtime.fiber;

import io.fiberize.runtime.jdk.VirtualThreads;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Find the {@link ProgramThread} of a fiber, the fiber of a stand-in, and the live threads of the
 * program.
 *
 * <p>Nothing here outlives its owner. A fiber's {@code ProgramThread} is kept by the fiber itself,
 * in its task, and found through the JDK's fields without a lock: it goes with the fiber. The
 * stand-in map is weakly keyed, and its value, the fiber, no longer refers to the stand-in once it
 * ended (its task lets go of what it ran, its {@code ProgramThread} of the program's object).
 * {@link #LIVE} holds a thread from its start to its end only.
 */
public final class ProgramThreads {
    /** Started stand-in (an application's {@code Thread} subclass) to the fiber that runs it. */
    private static final Map<Thread, Thread> BY_STAND_IN = Collections.synchronizedMap(new WeakHashMap<>());
    /** The program's objects for the fibers that run now: for {@code Thread.getAllThreads}. */
    public static final Set<Thread> LIVE = ConcurrentHashMap.newKeySet();

    private ProgramThreads() {
    }

    /** Return what {@code fiber} reports, or {@code null} when it is not one of ours. */
    public static ProgramThread of(Thread fiber) {
        return VirtualThreads.taskOf(fiber) instanceof FiberTask task ? task.program() : null;
    }

    /**
     * Record that {@code fiber} runs {@code standIn}.
     *
     * @throws IllegalThreadStateException if {@code standIn} was started already
     */
    public static void standIn(Thread standIn, Thread fiber) {
        synchronized (BY_STAND_IN) {
            if (BY_STAND_IN.containsKey(standIn)) {
                throw new IllegalThreadStateException();
            }
            BY_STAND_IN.put(standIn, fiber);
        }
    }

    /**
     * Return the fiber that runs {@code thread}, or {@code null} when it is not a started stand-in.
     * Quick for the threads that cannot be one: virtual threads and plain {@code java.lang.Thread}s.
     */
    public static Thread fiberOf(Thread thread) {
        if (thread == null || thread.isVirtual() || thread.getClass() == Thread.class) {
            return null;
        }
        return BY_STAND_IN.get(thread);
    }
}
