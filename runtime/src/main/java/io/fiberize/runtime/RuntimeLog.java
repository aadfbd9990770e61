package io.fiberize.runtime;

/**
 * Log the runtime's events through {@link System.Logger}, one line each, quiet by default.
 *
 * <p>The logger is looked up on first use only, so that an application which installs its own
 * {@code java.util.logging} manager at start is not pre-empted by the agent.
 */
public final class RuntimeLog {

    /** How much to say. */
    public enum Level { OFF, WARN, INFO, DEBUG }

    private static volatile Level level = Level.WARN;

    private RuntimeLog() {
    }

    private static final class Holder {
        static final System.Logger LOGGER = System.getLogger("io.fiberize");
    }

    /** Set how much to say from now on. */
    public static void setLevel(Level newLevel) {
        level = newLevel;
    }

    /** Say whether messages at {@code at} are printed. */
    public static boolean enabled(Level at) {
        return at != Level.OFF && at.ordinal() <= level.ordinal();
    }

    /** Log a warning. */
    public static void warn(String message) {
        log(Level.WARN, message, null);
    }

    /** Log a warning with the exception that caused it. */
    public static void warn(String message, Throwable cause) {
        log(Level.WARN, message, cause);
    }

    /** Log an informational message. */
    public static void info(String message) {
        log(Level.INFO, message, null);
    }

    /** Log a debug message. */
    public static void debug(String message) {
        log(Level.DEBUG, message, null);
    }

    private static void log(Level at, String message, Throwable cause) {
        if (!enabled(at)) {
            return;
        }
        // Our own level decides; the logger gets INFO for info and debug alike, since the JDK's
        // default configuration drops anything below INFO and log=debug must show.
        System.Logger.Level to = at == Level.WARN ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
        if (cause == null) {
            Holder.LOGGER.log(to, "fiberize: " + message);
        } else {
            Holder.LOGGER.log(to, "fiberize: " + message, cause);
        }
    }
}
