package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read the loop statistics a fiberized JVM logs at exit with {@code log=info}.
 */
final class ExitReport {
    private static final Pattern LINE = Pattern.compile("fiberize: at exit: (.*)");
    private final String fields;

    private ExitReport(String fields) {
        this.fields = fields;
    }

    /**
     * Find the report in a forked JVM's standard error; fail the test if there is none.
     */
    static ExitReport of(ForkedJvm.Result result) {
        Matcher m = LINE.matcher(result.stderr());
        assertThat(m.find()).as("exit report in%n%s", result).isTrue();
        return new ExitReport(m.group(1));
    }

    /**
     * Return the value of one counter, e.g. {@code fibersStarted}.
     */
    long get(String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(fields);
        assertThat(m.find()).as("%s in %s", name, fields).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Override
    public String toString() {
        return fields;
    }
}
