package io.fiberize.runtime.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * Find the virtual thread a carrier runs now: for diagnosing a carrier that is stuck, so it may
 * be slow, and on a JDK that changed it finds nothing rather than keep fiberize from running.
 *
 * <p>A carrier holds the continuation it runs ({@code Thread.cont}), whose target is the JDK's
 * wrapper around the virtual thread's task; the wrapper keeps the virtual thread in a field.
 */
public final class MountedThreads {
    /** {@code Thread.cont}, or {@code null} on a JDK without it. */
    private static final VarHandle MOUNTED = mounted();

    private MountedThreads() {
    }

    private static VarHandle mounted() {
        try {
            Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findVarHandle(Thread.class, "cont", continuation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Return the virtual thread mounted on {@code carrier} now, or {@code null} when none is or it cannot be told. */
    public static Thread on(Thread carrier) {
        if (MOUNTED == null) {
            return null;
        }
        try {
            Object continuation = MOUNTED.get(carrier);
            Object wrapper = continuation == null ? null : VirtualThreads.targetOf(continuation);
            if (wrapper == null) {
                return null;
            }
            for (Field field : wrapper.getClass().getDeclaredFields()) {
                if (VirtualThreads.isVirtualThreadClass(field.getType())) {
                    field.setAccessible(true);
                    return (Thread) field.get(wrapper);
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
