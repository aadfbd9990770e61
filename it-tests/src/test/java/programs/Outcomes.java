package programs;

/**
 * Run one step of a test program in a thread of its own and print what it returned or threw, one
 * line per step: {@code <step> -> <outcome>}.
 */
public final class Outcomes {

    /** A step that may throw. */
    public interface Step {
        String call() throws Exception;
    }

    private Outcomes() {
    }

    /**
     * Run {@code step} in a new thread named {@code name}, wait for it, and print its result or
     * the class and message of what it threw.
     */
    public static void print(String name, Step step) throws InterruptedException {
        String[] outcome = new String[1];
        Thread thread = new Thread(() -> {
            try {
                outcome[0] = step.call();
            } catch (Exception e) {
                outcome[0] = e.getClass().getName() + ": " + e.getMessage();
            }
        }, name);
        thread.start();
        thread.join();
        System.out.println(name + " -> " + outcome[0]);
    }

    /** Sleep, turning an interrupt into a failure of the step. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
