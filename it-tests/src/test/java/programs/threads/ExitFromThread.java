package programs.threads;

/**
 * Call {@code System.exit(3)} in a thread while main waits for it: the JVM exits with status 3 and
 * runs its shutdown hooks.
 */
public final class ExitFromThread {

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        Thread exiting = new Thread(() -> {
            System.out.println("exiting with 3");
            System.exit(3);
        }, "exiting");
        exiting.start();
        exiting.join(5_000);
        Thread.sleep(5_000);
        System.out.println("TIMEOUT: still running after System.exit");
    }
}
