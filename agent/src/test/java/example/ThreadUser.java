package example;

import java.util.function.Supplier;

/** Application code that creates, starts, joins and looks up threads, in plain methods and a lambda. */
public final class ThreadUser {
    private ThreadUser() {
    }

    /** Start a worker that keeps its own {@code start()}. */
    public static void startOverriding(StartingWorker worker) {
        worker.start();
    }

    /** Start the workers, then join each one still alive; return how many ran. */
    public static int startAndJoin(PlainWorker... workers) throws InterruptedException {
        for (PlainWorker worker : workers) {
            worker.start();
        }
        int ran = 0;
        for (PlainWorker worker : workers) {
            if (worker.isAlive()) {
                worker.join();
            }
            ran += worker.ran() ? 1 : 0;
        }
        return ran;
    }

    /** Create a plain thread, named one way or another: a creation inside a conditional expression. */
    public static Thread create(Runnable task, String name) {
        return name == null ? new Thread(task) : new Thread(task, name.isEmpty() ? "unnamed" : name);
    }

    /** Start a thread from a platform builder. */
    public static Thread build(Runnable task) {
        return Thread.ofPlatform().name("built").start(task);
    }

    /** Return a supplier of the current thread's name, which asks in a lambda body. */
    public static Supplier<String> currentName() {
        return () -> Thread.currentThread().getName();
    }
}
