package io.fiberize.benchmarks.macro;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read the loop statistics a fiberized JVM prints at exit with {@code log=info}
 * ({@code fiberize: at exit: LoopStats[...], offloadCalls=..., classesRewritten=...}).
 *
 * @param fields the text after {@code at exit: }
 */
record ExitStats(String fields) {

    private static final Pattern LINE = Pattern.compile("fiberize: at exit: (.*)");

    /**
     * Find the report among a server's standard error lines, if it printed one.
     */
    static Optional<ExitStats> find(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.find()) {
                return Optional.of(new ExitStats(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /**
     * Return one counter, e.g. {@code jdkHelperResumes}.
     *
     * @throws IllegalArgumentException if the report has no such counter
     */
    long get(String name) {
        Matcher matcher = Pattern.compile("\\b" + name + "=(\\d+)").matcher(fields);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + name + " in the exit report: " + fields);
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Return the fiber resumes that came from the JDK's helper threads (timer, pollers) instead of the loop.
     */
    long jdkHelperResumes() {
        return get("jdkHelperResumes");
    }
}
