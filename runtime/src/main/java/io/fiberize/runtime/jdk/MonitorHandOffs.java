package io.fiberize.runtime.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * See a virtual thread on its way back from a monitor: another thread released the monitor it
 * blocked on, and the JDK's {@code VirtualThread-unblocker} thread is handing it back to its
 * scheduler. That hand-in comes from another thread, at a time of its own; a seeded schedule waits
 * for it before it decides.
 *
 * <p>Best effort: on a JDK whose virtual threads keep this state otherwise, {@link #onItsWay}
 * finds nothing, and a seeded schedule may then see a monitor hand-off early or late.
 */
public final class MonitorHandOffs {
    private static final VarHandle ON_WAITING_LIST;
    private static final VarHandle STATE;
    private static final VarHandle RUN_CONTINUATION;
    private static final VarHandle BLOCK_PERMIT;
    private static final int UNBLOCKED;

    static {
        VarHandle onWaitingList = null;
        VarHandle state = null;
        VarHandle runContinuation = null;
        VarHandle blockPermit = null;
        int unblocked = -1;
        try {
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(virtualThread, MethodHandles.lookup());
            onWaitingList = lookup.findVarHandle(virtualThread, "onWaitingList", boolean.class);
            state = lookup.findVarHandle(virtualThread, "state", int.class);
            runContinuation = lookup.findVarHandle(virtualThread, "runContinuation", Runnable.class);
            blockPermit = lookup.findVarHandle(virtualThread, "blockPermit", boolean.class);
            Field constant = virtualThread.getDeclaredField("UNBLOCKED");
            constant.setAccessible(true);
            unblocked = constant.getInt(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            onWaitingList = null;
        }
        ON_WAITING_LIST = onWaitingList;
        STATE = state;
        RUN_CONTINUATION = runContinuation;
        BLOCK_PERMIT = blockPermit;
        UNBLOCKED = unblocked;
    }

    private MonitorHandOffs() {
    }

    /**
     * Return the task that {@code thread}, a virtual thread, is or will be handed to its scheduler
     * as, when a monitor was handed to it and it has not run since; {@code null} otherwise.
     */
    public static Runnable onItsWay(Thread thread) {
        if (ON_WAITING_LIST == null || !thread.isVirtual()) {
            return null;
        }
        // The unblocker takes the thread off the list, then grants the permit, then moves it from
        // BLOCKED to UNBLOCKED and submits it: one of the three shows at every step but the first.
        boolean coming = (boolean) ON_WAITING_LIST.getVolatile(thread) || (boolean) BLOCK_PERMIT.getVolatile(thread)
                || (int) STATE.getVolatile(thread) == UNBLOCKED;
        return coming ? (Runnable) RUN_CONTINUATION.get(thread) : null;
    }
}
