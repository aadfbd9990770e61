package programs.threads;

/**
 * Give a thread an uncaught-exception handler that throws: the JVM reports the handler's exception on
 * standard error, naming the thread, and the program goes on.
 */
public final class HandlerThatThrows {

    public static void main(String[] args) throws Exception {
        Thread thread = new Thread(() -> {
            throw new IllegalArgumentException("from run");
        }, "t");
        thread.setUncaughtExceptionHandler((t, e) -> {
            System.out.println("handler got " + e.getMessage() + " in " + t.getName() + " (same object: "
                    + (t == thread) + ")");
            throw new IllegalStateException("from the handler");
        });
        thread.start();
        thread.join(5_000);
        System.out.println("alive after join: " + thread.isAlive());

        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                System.out.println("default handler got " + e.getMessage() + " in " + t.getName()));
        Thread second = new Thread(() -> {
            throw new IllegalArgumentException("to the default handler");
        }, "second");
        second.start();
        second.join(5_000);
        System.out.println("done");
    }
}
