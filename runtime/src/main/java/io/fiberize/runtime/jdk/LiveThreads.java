package io.fiberize.runtime.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Find the live threads of this JVM, virtual ones included, and the timeout a virtual thread
 * parks with: what the fiber dump needs from the JDK beyond its JSON thread dump.
 *
 * <p>Reads the JDK's thread containers, the very tree its thread dump walks, so it finds the
 * virtual threads that dump lists (all of them unless {@code -Djdk.trackAllThreads=false}).
 * Needs {@code java.base/jdk.internal.vm} and {@code java.base/java.lang} opened to the
 * runtime's module, as {@link VirtualThreads} does; without them it finds nothing, and fibers
 * still run.
 */
public final class LiveThreads {
    private static final MethodHandle ROOT;        // () -> ThreadContainer
    private static final MethodHandle THREADS;     // (ThreadContainer) -> Stream<Thread>
    private static final MethodHandle CHILDREN;    // (ThreadContainer) -> Stream<ThreadContainer>
    private static final Class<?> VIRTUAL_THREAD;
    private static final VarHandle TIMEOUT_TASK;   // VirtualThread.timeoutTask: the pending timed park's timer

    static {
        MethodHandle root = null;
        MethodHandle threads = null;
        MethodHandle children = null;
        VarHandle timeoutTask = null;
        Class<?> virtualThread = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers");
            Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
            root = MethodHandles.privateLookupIn(containers, lookup)
                    .findStatic(containers, "root", MethodType.methodType(container))
                    .asType(MethodType.methodType(Object.class));
            MethodHandles.Lookup inContainer = MethodHandles.privateLookupIn(container, lookup);
            threads = inContainer.findVirtual(container, "threads", MethodType.methodType(Stream.class))
                    .asType(MethodType.methodType(Stream.class, Object.class));
            children = inContainer.findVirtual(container, "children", MethodType.methodType(Stream.class))
                    .asType(MethodType.methodType(Stream.class, Object.class));
            virtualThread = Class.forName("java.lang.VirtualThread");
            timeoutTask = MethodHandles.privateLookupIn(virtualThread, lookup)
                    .findVarHandle(virtualThread, "timeoutTask", Future.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            root = null;
        }
        ROOT = root;
        THREADS = threads;
        CHILDREN = children;
        TIMEOUT_TASK = timeoutTask;
        VIRTUAL_THREAD = virtualThread;
    }

    private LiveThreads() {
    }

    /**
     * Return the live threads the JDK tracks, platform and virtual; empty when the JDK's thread
     * containers are out of reach.
     */
    public static List<Thread> all() {
        List<Thread> all = new ArrayList<>();
        if (ROOT == null) {
            return all;
        }
        try {
            collect(ROOT.invoke(), all);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot walk the JDK's thread containers", t);
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object container, List<Thread> into) throws Throwable {
        ((Stream<Thread>) THREADS.invoke(container)).forEach(into::add);
        for (Object child : ((Stream<Object>) CHILDREN.invoke(container)).toList()) {
            collect(child, into);
        }
    }

    /**
     * Return the timer a virtual thread's timed park, sleep or timed wait armed, or {@code null}
     * when it has none (or is not virtual). Read without synchronisation: a diagnostic only.
     */
    public static Future<?> timeoutOf(Thread thread) {
        return ROOT == null || thread.getClass() != VIRTUAL_THREAD ? null : (Future<?>) TIMEOUT_TASK.get(thread);
    }
}
