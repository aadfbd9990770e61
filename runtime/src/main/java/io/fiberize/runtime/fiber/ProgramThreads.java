package io.fiberize.runtime.fiber;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Find the {@link ProgramThread} of a fiber, the fiber of a stand-in, and the live threads of the
 * program.
 *
 * <p>Nothing here outlives its owner: the first two maps are weakly keyed, and neither value refers
 * back to its key once the fiber ended (a {@code ProgramThread} never names its fiber and lets go
 * of the program's object at the end; a fiber's task lets go of the stand-in it ran). {@link #LIVE}
 * holds a thread from its start to its end only.
 */
final class ProgramThreads {
    /** Fiber to what it reports as a platform thread. */
    private static final Map<Thread, ProgramThread> BY_FIBER = Collections.synchronizedMap(new WeakHashMap<>());
    /** Started stand-in (an application's {@code Thread} subclass) to the fiber that runs it. */
    private static final Map<Thread, Thread> BY_STAND_IN = Collections.synchronizedMap(new WeakHashMap<>());
    /** The program's objects for the fibers that run now: for {@code Thread.getAllThreads}. */
    static final Set<Thread> LIVE = ConcurrentHashMap.newKeySet();

    private ProgramThreads() {
    }

    static void register(Thread fiber, ProgramThread program) {
        BY_FIBER.put(fiber, program);
    }

    /** Return what {@code fiber} reports, or {@code null} when it is not one of ours. */
    static ProgramThread of(Thread fiber) {
        return fiber.isVirtual() ? BY_FIBER.get(fiber) : null;
    }

    /**
     * Record that {@code fiber} runs {@code standIn}.
     *
     * @throws IllegalThreadStateException if {@code standIn} was started already
     */
    static void standIn(Thread standIn, Thread fiber) {
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
    static Thread fiberOf(Thread thread) {
        if (thread == null || thread.isVirtual() || thread.getClass() == Thread.class) {
            return null;
        }
        return BY_STAND_IN.get(thread);
    }
}
