package io.fiberize.runtime.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Read and move the private fields of a {@link Thread} that a fiber takes over from the platform
 * thread it replaces: its inheritable thread locals, its own uncaught-exception handler (not the
 * group's) and the stack size it asked for.
 *
 * <p>Needs {@code java.base/java.lang} opened to the runtime's module, as {@link VirtualThreads}
 * does, and is checked with it: fibers cannot keep a program's threads faithful without these.
 */
public final class ThreadFields {
    private static final VarHandle INHERITABLE_LOCALS;   // Thread.inheritableThreadLocals
    private static final VarHandle HANDLER;              // Thread.uncaughtExceptionHandler
    private static final VarHandle HOLDER;               // Thread.holder
    private static final VarHandle STACK_SIZE;           // Thread.FieldHolder.stackSize
    private static final Throwable UNAVAILABLE;

    static {
        VarHandle locals = null;
        VarHandle handler = null;
        VarHandle holder = null;
        VarHandle stackSize = null;
        Throwable unavailable = null;
        try {
            MethodHandles.Lookup thread = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            Class<?> map = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
            Class<?> fieldHolder = Class.forName("java.lang.Thread$FieldHolder");
            locals = thread.findVarHandle(Thread.class, "inheritableThreadLocals", map);
            handler = thread.findVarHandle(Thread.class, "uncaughtExceptionHandler", Thread.UncaughtExceptionHandler.class);
            holder = thread.findVarHandle(Thread.class, "holder", fieldHolder);
            stackSize = MethodHandles.privateLookupIn(fieldHolder, MethodHandles.lookup())
                    .findVarHandle(fieldHolder, "stackSize", long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = e;
        }
        INHERITABLE_LOCALS = locals;
        HANDLER = handler;
        HOLDER = holder;
        STACK_SIZE = stackSize;
        UNAVAILABLE = unavailable;
    }

    private ThreadFields() {
    }

    /**
     * Say what this JDK lacks of these fields, or return {@code null} when all are there.
     */
    public static String check() {
        return UNAVAILABLE == null ? null : "the fields of java.lang.Thread are not reachable (" + UNAVAILABLE + ")";
    }

    /**
     * Give {@code to} the inheritable thread locals of {@code from}, which must never run: the map
     * moves, it is not copied, so values are inherited once, from the thread that constructed
     * {@code from}, exactly as the JDK did for it.
     */
    public static void moveInheritableLocals(Thread from, Thread to) {
        INHERITABLE_LOCALS.set(to, INHERITABLE_LOCALS.get(from));
        INHERITABLE_LOCALS.set(from, null);
    }

    /**
     * Return the handler set on {@code thread} itself, or {@code null}: unlike {@link
     * Thread#getUncaughtExceptionHandler()}, never its group.
     */
    public static Thread.UncaughtExceptionHandler ownHandler(Thread thread) {
        return (Thread.UncaughtExceptionHandler) HANDLER.get(thread);
    }

    /**
     * Return the stack size a platform thread was constructed with; 0 when it asked for none, and
     * for a virtual thread.
     */
    public static long stackSize(Thread thread) {
        Object holder = thread.isVirtual() ? null : HOLDER.get(thread);
        return holder == null ? 0 : (long) STACK_SIZE.get(holder);
    }
}
