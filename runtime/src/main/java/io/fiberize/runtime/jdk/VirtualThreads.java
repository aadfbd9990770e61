package io.fiberize.runtime.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * Reach the JDK's package-private virtual-thread machinery that fibers are built on.
 *
 * <p>Needs {@code java.base/java.lang} opened to the runtime's module: the agent does that at
 * start, tests pass {@code --add-opens}. Every handle here is one fiberize cannot run without;
 * each is resolved once, in the static initializer, and {@link #check()} reports what is missing
 * on a JDK that no longer offers it. What only diagnostics use is looked up apart, where a
 * failure costs the diagnosis only ({@link MountedThreads}).
 */
public final class VirtualThreads {
    private static final Class<?> VIRTUAL_THREAD;
    private static final MethodHandle NEW_BUILDER;        // (Executor) -> Thread.Builder.OfVirtual
    private static final MethodHandle CURRENT_CARRIER;    // () -> Thread
    private static final VarHandle SCHEDULER;             // VirtualThread.scheduler
    private static final VarHandle TARGET;                // Continuation.target
    private static final VarHandle CONTINUATION;          // VirtualThread.cont
    private static final VarHandle TASK;                  // the JDK's wrapper of the task: its task
    private static final Throwable UNAVAILABLE;

    static {
        Class<?> virtualThread = null;
        MethodHandle newBuilder = null;
        MethodHandle currentCarrier = null;
        VarHandle scheduler = null;
        VarHandle target = null;
        VarHandle continuationOf = null;
        VarHandle task = null;
        Throwable unavailable = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            virtualThread = Class.forName("java.lang.VirtualThread");
            Class<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            newBuilder = MethodHandles.privateLookupIn(builder, lookup)
                    .findConstructor(builder, MethodType.methodType(void.class, Executor.class))
                    .asType(MethodType.methodType(Thread.Builder.OfVirtual.class, Executor.class));
            currentCarrier = MethodHandles.privateLookupIn(Thread.class, lookup)
                    .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            MethodHandles.Lookup vt = MethodHandles.privateLookupIn(virtualThread, lookup);
            scheduler = vt.findVarHandle(virtualThread, "scheduler", Executor.class);
            Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
            target = MethodHandles.privateLookupIn(continuation, lookup)
                    .findVarHandle(continuation, "target", Runnable.class);
            continuationOf = vt.findVarHandle(virtualThread, "cont", continuation);
            task = wrappedTask(continuationOf, target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = e;
        }
        VIRTUAL_THREAD = virtualThread;
        NEW_BUILDER = newBuilder;
        CURRENT_CARRIER = currentCarrier;
        SCHEDULER = scheduler;
        TARGET = target;
        CONTINUATION = continuationOf;
        TASK = task;
        UNAVAILABLE = unavailable;
    }

    /**
     * Find the field in which the JDK's wrapper around a virtual thread's task (the continuation's
     * target) keeps that task, from an unstarted virtual thread built for the purpose: the wrapper
     * is an anonymous class, so its field is found by its type, not by a name.
     */
    private static VarHandle wrappedTask(VarHandle continuationOf, VarHandle target) throws ReflectiveOperationException {
        Runnable probe = () -> { };
        Object wrapper = target.get(continuationOf.get(Thread.ofVirtual().unstarted(probe)));
        for (Field field : wrapper.getClass().getDeclaredFields()) {
            if (field.getType() == Runnable.class) {
                VarHandle task = MethodHandles.privateLookupIn(wrapper.getClass(), MethodHandles.lookup())
                        .unreflectVarHandle(field);
                if (task.get(wrapper) == probe) {
                    return task;
                }
            }
        }
        throw new NoSuchFieldException(wrapper.getClass().getName() + " keeps no task");
    }

    private VirtualThreads() {
    }

    /**
     * Say what this JDK lacks that fibers need, or return {@code null} when all of it is there.
     */
    public static String check() {
        return UNAVAILABLE == null ? null
                : "the JDK's custom-scheduler virtual threads are not reachable (" + UNAVAILABLE + ")";
    }

    /**
     * Return a builder of virtual threads whose continuations all run on {@code scheduler}.
     */
    public static Thread.Builder.OfVirtual builder(Executor scheduler) {
        try {
            return (Thread.Builder.OfVirtual) NEW_BUILDER.invokeExact(scheduler);
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /**
     * Return the task {@code virtualThread} was built with (what its builder's {@code unstarted}
     * took), or {@code null} when it is not a virtual thread. Three field reads, no lock.
     */
    public static Runnable taskOf(Thread virtualThread) {
        if (virtualThread.getClass() != VIRTUAL_THREAD) {
            return null;
        }
        return (Runnable) TASK.get(TARGET.get(CONTINUATION.get(virtualThread)));
    }

    /**
     * Return the platform thread the current thread runs on: itself, or a virtual thread's carrier.
     */
    public static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable t) {
            throw Failures.unchecked(t);
        }
    }

    /**
     * Return the scheduler of {@code thread}, or {@code null} when it is not a virtual thread.
     */
    public static Executor schedulerOf(Thread thread) {
        return thread.getClass() == VIRTUAL_THREAD ? (Executor) SCHEDULER.get(thread) : null;
    }

    /** Return the task a continuation runs: for a virtual thread's, the JDK's wrapper around the thread's task. */
    static Object targetOf(Object continuation) {
        return TARGET.get(continuation);
    }

    /** Say whether {@code type} is the JDK's class of virtual threads. */
    static boolean isVirtualThreadClass(Class<?> type) {
        return type == VIRTUAL_THREAD;
    }
}
