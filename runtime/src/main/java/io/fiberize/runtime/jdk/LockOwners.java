package io.fiberize.runtime.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * Tell which thread holds a {@code java.util.concurrent} lock a thread is parked on: for reports of
 * threads that wait for each other. Best effort: on a JDK without the handle it tells nothing.
 *
 * <p>Needs {@code java.base/java.util.concurrent.locks} opened to the runtime's module, as the
 * other opened packages are.
 */
public final class LockOwners {
    /** {@code AbstractOwnableSynchronizer.getExclusiveOwnerThread()}, protected; {@code null} if unreachable. */
    private static final MethodHandle EXCLUSIVE_OWNER = exclusiveOwner();

    private LockOwners() {
    }

    private static MethodHandle exclusiveOwner() {
        try {
            return MethodHandles.privateLookupIn(AbstractOwnableSynchronizer.class, MethodHandles.lookup())
                    .findVirtual(AbstractOwnableSynchronizer.class, "getExclusiveOwnerThread",
                            MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Return the thread that holds {@code blocker} exclusively, when it is a lock of {@code
     * java.util.concurrent.locks} ({@code ReentrantLock}'s, a write lock's), or {@code null}.
     */
    public static Thread exclusiveOwner(Object blocker) {
        if (EXCLUSIVE_OWNER == null || !(blocker instanceof AbstractOwnableSynchronizer synchronizer)) {
            return null;
        }
        try {
            return (Thread) EXCLUSIVE_OWNER.invokeExact(synchronizer);
        } catch (Throwable t) {
            return null;
        }
    }
}
