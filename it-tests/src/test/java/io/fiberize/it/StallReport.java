package io.fiberize.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One report of a stalled loop that the watchdog wrote to a JVM's standard error: its first line
 * ({@code fiberize: warning: loop N stalled for ...}) and the stalled fiber's stack under it.
 *
 * @param at     where it starts in the standard error
 * @param report the report, first line and {@code \tat ...} lines
 */
record StallReport(int at, String report) {
    private static final Pattern REPORT =
            Pattern.compile("^fiberize: warning: loop \\S+ stalled for .*\n(?:\tat .*\n)*", Pattern.MULTILINE);

    /** Return the reports in {@code stderr}, in order. */
    static List<StallReport> in(String stderr) {
        List<StallReport> reports = new ArrayList<>();
        Matcher m = REPORT.matcher(stderr.endsWith("\n") ? stderr : stderr + "\n");
        while (m.find()) {
            reports.add(new StallReport(m.start(), m.group()));
        }
        return reports;
    }

    /** Return the first line. */
    String headline() {
        return report.substring(0, report.indexOf('\n'));
    }

    /**
     * Say whether the watchdog found the carrier computing ("busy running Java code", said of a
     * carrier that ran for a tenth of the stall or more) or waiting for a CPU, not held.
     */
    boolean onTheCpu() {
        return headline().contains(": busy running Java code ") || headline().contains(": waiting for a CPU");
    }

    /** Say whether the watchdog handed the loop to a new carrier. */
    boolean compensated() {
        return headline().contains("; compensated");
    }

    /**
     * Say whether the stalled fiber was loading a class: a library's first calls, whose fiber the
     * native frame of {@code ClassLoader.defineClass1} pins (README, "Known limits").
     */
    boolean loadsAClass() {
        return report.contains("\tat java.base/java.lang.ClassLoader.loadClass(");
    }

    /** Say whether what held the carrier is one of the README's known limits: a class load or initializer, a thread start. */
    boolean pinnedByAKnownLimit() {
        return loadsAClass() || report.contains(".<clinit>(")
                || report.contains("\tat java.base/java.lang.Thread.start0(Native Method)");
    }

    /** Return the first line without its prefix, and the top frame of the application's or a library's code. */
    String summary() {
        String headline = headline().replaceFirst(".* stalled for ", "");
        return report.lines().skip(1)
                .filter(frame -> !frame.startsWith("\tat java.") && !frame.startsWith("\tat io.fiberize.")
                        && !frame.startsWith("\tat org.springframework.boot.loader."))
                .findFirst().map(frame -> headline + " [" + frame.strip() + "]").orElse(headline);
    }
}
