package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run one test program twice, plainly and under the agent, and hold both outcomes.
 *
 * @param plain      the run without the agent
 * @param fiberized  the run under {@code -javaagent:fiberize.jar=log=info}
 */
record Fiberized(ForkedJvm.Result plain, ForkedJvm.Result fiberized) {

    /**
     * Run {@code mainClass} with {@code args} both ways; both must exit with status 0, and the
     * agent must have rewritten every class it tried to.
     */
    static Fiberized run(String mainClass, String... args) throws Exception {
        return run(BuildOutputs.programsClassPath(), mainClass, args);
    }

    /**
     * Run {@code mainClass} like {@link #run(String, String...)}, with the third-party libraries on
     * the class path too. Many of them log through {@code java.util.logging}; the exit report must
     * survive that (it once went through it and was lost to its shutdown reset).
     */
    static Fiberized runWithLibraries(String mainClass, String... args) throws Exception {
        return run(BuildOutputs.programsWithLibrariesClassPath(), mainClass, args);
    }

    /**
     * Run the executable {@code jar} ({@code java -jar}, as users run an application) with {@code
     * args} both ways, like {@link #run(String, String...)}.
     */
    static Fiberized runJar(Path jar, String... args) throws Exception {
        return check(ForkedJvm.jdk25().runJar(jar, args), ForkedJvm.jdk25().agent("log=info").runJar(jar, args));
    }

    private static Fiberized run(String classPath, String mainClass, String... args) throws Exception {
        return check(ForkedJvm.jdk25().classPath(classPath).run(mainClass, args),
                ForkedJvm.jdk25().classPath(classPath).agent("log=info").run(mainClass, args));
    }

    private static Fiberized check(ForkedJvm.Result plain, ForkedJvm.Result fiberized) {
        assertThat(plain.exitCode()).as("%s", plain).isZero();
        assertThat(fiberized.exitCode()).as("%s", fiberized).isZero();
        assertThat(fiberized.stderr()).as("instrumentation errors").doesNotContain("could not rewrite");
        return new Fiberized(plain, fiberized);
    }

    /** Assert that the program printed the same standard output both ways. */
    Fiberized sameOutput() {
        assertThat(fiberized.stdout()).as("output under the agent").isEqualTo(plain.stdout());
        return this;
    }

    /** Return the loop statistics of the fiberized run. */
    ExitReport report() {
        return ExitReport.of(fiberized);
    }

    /**
     * Return the number the fiberized program printed to standard error after {@code label}.
     */
    long fiberizedNumber(String label) {
        return number(fiberized, label);
    }

    /**
     * Return the number the plain program printed to standard error after {@code label}.
     */
    long plainNumber(String label) {
        return number(plain, label);
    }

    /** Return the number {@code run} printed to standard error after {@code label}. */
    static long number(ForkedJvm.Result run, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*(-?\\d+)").matcher(run.stderr());
        assertThat(m.find()).as("'%s' in %s", label, run).isTrue();
        return Long.parseLong(m.group(1));
    }
}
