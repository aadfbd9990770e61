package example;

/** Application code with a {@code start()} and a {@code join()} of its own, on no thread. */
public final class Unrelated {
    private int started;

    /** Start something that is not a thread. */
    public void start() {
        started++;
    }

    /** Join nothing. */
    public String join() {
        return "joined " + started;
    }

    /** Call both. */
    public static String use() {
        Unrelated unrelated = new Unrelated();
        unrelated.start();
        return unrelated.join();
    }
}
