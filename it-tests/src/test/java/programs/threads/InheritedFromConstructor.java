package programs.threads;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Construct a thread in one thread and start it from another: it inherits the inheritable thread
 * locals, daemon flag and priority of the thread that constructed it, not of the one that started it.
 */
public final class InheritedFromConstructor {
    private static final InheritableThreadLocal<String> INHERITED = new InheritableThreadLocal<>();

    public static void main(String[] args) throws Exception {
        INHERITED.set("main's value");
        AtomicReference<Thread> constructed = new AtomicReference<>();
        Thread constructor = new Thread(() -> {
            INHERITED.set("constructor's value");
            Thread.currentThread().setPriority(4);
            constructed.set(new Thread(() -> System.out.println("inside: inherited=" + INHERITED.get()
                    + " priority=" + Thread.currentThread().getPriority()
                    + " daemon=" + Thread.currentThread().isDaemon()), "constructed"));
        }, "constructor");
        constructor.setDaemon(true);
        constructor.start();
        constructor.join(5_000);
        Thread thread = constructed.get();
        System.out.println("started by main: priority=" + thread.getPriority() + " daemon=" + thread.isDaemon());
        thread.start();
        thread.join(5_000);
        System.out.println("main still has: " + INHERITED.get());
    }
}
