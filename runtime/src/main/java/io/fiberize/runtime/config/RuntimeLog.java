package io.fiberize.runtime.config;

import java.io.PrintStream;
import java.util.ServiceLoader;

/**
 * Log the runtime's events, quiet by default: one line each, or one block for a watchdog report.
 *
 * <p>Where the lines go is decided on first use. When the application has configured logging
 * (a custom {@link System.LoggerFinder} on the class path, or one of the
 * {@code java.util.logging.config.file}, {@code java.util.logging.config.class} and
 * {@code java.util.logging.manager} properties), they go through {@link System.Logger}
 * {@code io.fiberize}, so that they land wherever the application's own logs do. Otherwise they
 * are printed to the process's standard error as {@code fiberize: <message>} ({@code fiberize:
 * warning: <message>} for a warning): java.util.logging's default console format would spread
 * each over two lines, and its shutdown hook closes its handler while the agent's exit report is
 * written. The stream is {@code System.err} as the agent found it at start, as the JVM's own
 * warnings go to the process's standard error: a program that replaces {@code System.err} (a test
 * runner's fork routes it to its channel, which it closes before the JVM exits) does not lose them.
 * Deciding late also means that an application which installs its own logging at start is not
 * pre-empted by the agent.
 */
public final class RuntimeLog {

    /** How much to say. */
    public enum Level { OFF, WARN, INFO, DEBUG }

    private static final String[] LOGGING_PROPERTIES = {
        "java.util.logging.config.file", "java.util.logging.config.class", "java.util.logging.manager"};

    private static volatile Level level = Level.WARN;
    /** Standard error as the agent found it; see the class comment. */
    private static final PrintStream STANDARD_ERROR = System.err;

    private RuntimeLog() {
    }

    /** Hold the logger when the application configured logging, else {@code null}; found on first use. */
    private static final class Holder {
        static final System.Logger LOGGER = loggingConfigured() ? System.getLogger("io.fiberize") : null;

        private static boolean loggingConfigured() {
            for (String property : LOGGING_PROPERTIES) {
                if (System.getProperty(property) != null) {
                    return true;
                }
            }
            return ServiceLoader.load(System.LoggerFinder.class, ClassLoader.getSystemClassLoader())
                    .stream().findFirst().isPresent();
        }
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
        System.Logger logger = Holder.LOGGER;
        if (logger == null) {
            print(at, message, cause);
            return;
        }
        // Our own level decides; the logger gets INFO for info and debug alike, since the JDK's
        // default configuration drops anything below INFO and log=debug must show.
        System.Logger.Level to = at == Level.WARN ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
        if (cause == null) {
            logger.log(to, "fiberize: " + message);
        } else {
            logger.log(to, "fiberize: " + message, cause);
        }
    }

    /**
     * Print one line (the cause's stack trace follows it only with {@code log=debug}).
     */
    private static void print(Level at, String message, Throwable cause) {
        String line = (at == Level.WARN ? "fiberize: warning: " : "fiberize: ") + message
                + (cause == null ? "" : ": " + cause);
        STANDARD_ERROR.println(line);
        if (cause != null && enabled(Level.DEBUG)) {
            cause.printStackTrace(STANDARD_ERROR);
        }
    }
}
