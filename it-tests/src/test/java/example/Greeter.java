package example;

/**
 * Print a marker line, so a test can tell whether {@code main} ran.
 */
public final class Greeter {

    /** The line {@link #main} prints. */
    public static final String MARKER = "greeter: main ran";

    private Greeter() {
    }

    /**
     * Print {@link #MARKER}.
     */
    public static void main(String[] args) {
        System.out.println(MARKER);
    }
}
