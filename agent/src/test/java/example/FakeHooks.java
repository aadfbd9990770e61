package example;

/** The hooks the rewritten {@link FakeStream} calls; they record what they were given. */
public final class FakeHooks {
    /** What {@link #offloading()} answers. */
    public static volatile boolean offloading;
    /** What the hooks saw, in order. */
    public static final StringBuilder SEEN = new StringBuilder();

    private FakeHooks() {
    }

    /** Answer {@link #offloading}. */
    public static boolean offloading() {
        return offloading;
    }

    /** Stand in for {@code read()}. */
    public static int read(Object stream) {
        SEEN.append("read;");
        return 42;
    }

    /** Come before the body of {@code close}. */
    public static void first(Object stream, int code) {
        SEEN.append("first ").append(code).append(';');
    }

    /** Filter a name. */
    public static String shout(String name) {
        return name.toUpperCase();
    }
}
