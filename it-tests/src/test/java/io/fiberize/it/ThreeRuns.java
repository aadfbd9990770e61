package io.fiberize.it;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.assertj.core.api.SoftAssertions;

/**
 * Run one test program three times, plainly and under the agent with one loop and with two, and
 * compare each run under the agent with the plain one.
 *
 * <p>Comparisons are soft: a test method checks several programs and reports every difference at
 * once, not only the first program's.
 *
 * @param mainClass the program
 * @param plain     the run without the agent
 * @param fiberized the runs under {@code -javaagent:fiberize.jar=log=info,loops=N}, by their agent options
 */
record ThreeRuns(String mainClass, ForkedJvm.Result plain, Map<String, ForkedJvm.Result> fiberized) {

    /** What a plain run of a test program never prints unless the program itself is wrong. */
    private static final List<String> PLAIN_NEVER_PRINTS = List.of("TIMEOUT", "(wrong)", "must not be printed");

    /**
     * Run {@code mainClass} of the test programs with {@code args} plainly, then under the agent
     * with {@code loops=1} and {@code loops=2}.
     */
    static ThreeRuns of(String mainClass, String... args) throws Exception {
        return of(UnaryOperator.identity(), mainClass, args);
    }

    /**
     * Run {@code mainClass} with {@code args} like {@link #of(String, String...)}, each JVM
     * prepared by {@code setup} first (JVM options, limits).
     */
    static ThreeRuns of(UnaryOperator<ForkedJvm> setup, String mainClass, String... args) throws Exception {
        ForkedJvm.Result plain = setup.apply(ForkedJvm.jdk25()).run(mainClass, args);
        ForkedJvm.Result oneLoop = setup.apply(ForkedJvm.jdk25().agent("log=info,loops=1")).run(mainClass, args);
        ForkedJvm.Result twoLoops = setup.apply(ForkedJvm.jdk25().agent("log=info,loops=2")).run(mainClass, args);
        return new ThreeRuns(mainClass, plain, new TreeMap<>(Map.of("loops=1", oneLoop, "loops=2", twoLoops)));
    }

    /**
     * Expect the plain run to exit with {@code exitStatus} and print none of the program's own
     * failure marks, and each run under the agent to exit the same way, print the same standard
     * output line for line, and rewrite every class it tried to.
     */
    ThreeRuns sameOutput(SoftAssertions softly, int exitStatus) {
        softly.assertThat(plain.exitCode()).as("%s: exit status of the plain run%n%s", mainClass, plain)
                .isEqualTo(exitStatus);
        for (String mark : PLAIN_NEVER_PRINTS) {
            softly.assertThat(plain.stdout()).as("%s: plain output (the program is wrong)", mainClass)
                    .doesNotContain(mark);
        }
        fiberized.forEach((options, run) -> {
            softly.assertThat(run.exitCode()).as("%s: exit status under the agent, %s%n%s", mainClass, options, run)
                    .isEqualTo(plain.exitCode());
            softly.assertThat(run.stdout().lines().toList())
                    .as("%s: standard output under the agent, %s (expected: the plain run's)", mainClass, options)
                    .isEqualTo(plain.stdout().lines().toList());
            softly.assertThat(run.stderr()).as("%s: instrumentation errors under the agent, %s", mainClass, options)
                    .doesNotContain("could not rewrite");
        });
        return this;
    }

    /** Like {@link #sameOutput(SoftAssertions, int)} for a program that exits with status 0. */
    ThreeRuns sameOutput(SoftAssertions softly) {
        return sameOutput(softly, 0);
    }

    /**
     * Expect the plain run to print {@code line} on standard error, and each run under the agent to
     * print the same lines that contain {@code fragment}.
     */
    ThreeRuns sameErrorLines(SoftAssertions softly, String fragment, String line) {
        List<String> plainLines = errorLines(plain, fragment);
        softly.assertThat(plainLines).as("%s: standard error of the plain run", mainClass).contains(line);
        fiberized.forEach((options, run) -> softly.assertThat(errorLines(run, fragment))
                .as("%s: standard error lines with '%s' under the agent, %s (expected: the plain run's)",
                        mainClass, fragment, options)
                .isEqualTo(plainLines));
        return this;
    }

    private static List<String> errorLines(ForkedJvm.Result run, String fragment) {
        return run.stderr().lines().filter(line -> line.contains(fragment)).toList();
    }
}
