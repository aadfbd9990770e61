package io.fiberize.maven;

import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Write the {@code -javaagent:<jar>=<options>} argument that starts fiberize in a forked JVM.
 *
 * <p>The options are written in key order, {@code key=value} separated by {@code ,}, the agent's own
 * syntax; the agent checks each of them when the JVM starts. The argument is quoted when the jar's
 * path holds a space or a quote, the way Surefire's {@code argLine} expects.
 */
final class AgentArgument {

    private static final String PREFIX = "-javaagent:";

    private final Path jar;
    private final Map<String, String> options;

    /**
     * Hold the argument for {@code jar} with {@code options} (none if empty).
     *
     * @throws IllegalArgumentException if a key or value is empty, or holds {@code ,} or {@code =} where
     *         the agent would read it as the start of another option
     */
    AgentArgument(Path jar, Map<String, String> options) {
        this.jar = jar;
        this.options = new TreeMap<>(options);
        this.options.forEach(AgentArgument::check);
    }

    /**
     * Return the argument as it goes into an {@code argLine}.
     */
    String text() {
        StringJoiner joined = new StringJoiner(",");
        options.forEach((key, value) -> joined.add(key + "=" + value));
        String argument = PREFIX + jar + (options.isEmpty() ? "" : "=" + joined);
        return needsQuotes(argument) ? '"' + argument.replace("\"", "\\\"") + '"' : argument;
    }

    /**
     * Return the start that every argument for this agent jar has, quoted or not, whatever its options.
     */
    String jarPrefix() {
        return PREFIX + jar;
    }

    private static boolean needsQuotes(String argument) {
        return argument.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"');
    }

    private static void check(String key, String value) {
        if (key.isEmpty() || key.contains(",") || key.contains("=")) {
            throw new IllegalArgumentException("fiberize option name '" + key + "': must be non-empty, without ',' or '='");
        }
        if (value == null || value.isBlank() || value.contains(",")) {
            throw new IllegalArgumentException("fiberize option " + key + "=" + value
                    + ": the value must be non-empty, without ',' (lists of prefixes take ';')");
        }
    }
}
