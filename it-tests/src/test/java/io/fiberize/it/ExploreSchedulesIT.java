package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * fiberize-junit's {@code @ExploreSchedules} in a test JVM with the agent and {@code seed=0}, where JUnit's
 * launcher ({@code programs.explore.JUnitMain}) runs in the main fiber as a build tool's test JVM runs it:
 * of two counters hit by two threads under 200 seeds each, the volatile {@code count++} fails at a seed
 * that the failure names with its trace, and that seed rerun alone ({@code -Dio.fiberize.explore.seed})
 * fails with the same trace, every time; the {@code AtomicInteger} passes all 200. A test that leaves a
 * thread waiting fails its first seed. Without a seed the tests fail saying how to add one.
 */
class ExploreSchedulesIT {
    private static final String COUNTERS = "programs.explore.Counters";
    private static final String RACY = COUNTERS + "#racyCounterCountsEveryHit";
    private static final Pattern FAILURE = Pattern.compile("failed: seed (\\d+): seed \\1 of @ExploreSchedules\\(200\\) "
            + "failed: org\\.opentest4j\\.AssertionFailedError: expected: <2> but was: <1>\n"
            + "  on the schedule seed=\\1,schedule=random: \\d+ decisions, trace [0-9a-f]{16}\n"
            + "  rerun this seed alone with -Dio\\.fiberize\\.explore\\.seed=\\1, "
            + "e\\.g\\. mvn test -Dtest='Counters#racyCounterCountsEveryHit' -Dio\\.fiberize\\.explore\\.seed=\\1\n");

    /** Run the tests {@code selector} names in a JVM with the agent, {@code agentArgs} and {@code options}. */
    private static ForkedJvm.Result junit(String agentArgs, String selector, String... options) throws Exception {
        return ForkedJvm.jdk25().agent(agentArgs).jvmOptions(options).classPath(BuildOutputs.programsWithJUnitClassPath())
                .run("programs.explore.JUnitMain", selector);
    }

    @Test
    void findsTheLostUpdateAtASeedThatFailsAloneWithTheSameTrace() throws Exception {
        ForkedJvm.Result explored = junit("seed=0", COUNTERS);
        assertThat(explored.exitCode()).as("%s", explored).isEqualTo(1);
        Matcher failure = FAILURE.matcher(explored.stdout());
        assertThat(failure.find()).as("the failure of the volatile counter in %s", explored).isTrue();
        int seed = Integer.parseInt(failure.group(1));
        assertThat(explored.stdout()).as("the seeds before the failing one, and the atomic counter's 200")
                .startsWith("tests succeeded: " + (seed - 1 + 200) + ", failed: 1\n");

        for (int run = 0; run < 2; run++) {
            ForkedJvm.Result alone = junit("seed=0", RACY, "-Dio.fiberize.explore.seed=" + seed);
            assertThat(alone.exitCode()).as("%s", alone).isEqualTo(1);
            assertThat(alone.stdout()).isEqualTo("tests succeeded: 0, failed: 1\n" + failure.group());
        }
    }

    @Test
    void aThreadLeftAliveFailsTheSeed() throws Exception {
        ForkedJvm.Result run = junit("seed=0", "programs.explore.LeftThread");
        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.stdout()).startsWith("tests succeeded: 0, failed: 1\n"
                + "failed: seed 1: seed 1 of @ExploreSchedules(3) left 1 thread(s) alive 120 s (virtual time) after the "
                + "test method\n  on the schedule seed=1,schedule=random: ");
    }

    @Test
    void withoutASeedTheTestsFailSayingHowToAddOne() throws Exception {
        ForkedJvm.Result run = junit("loops=1", COUNTERS);
        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.stdout()).startsWith("tests succeeded: 0, failed: 2\n")
                .contains("@ExploreSchedules needs fiberize's seeded schedule, but the test JVM runs fiberize without seed=")
                .contains("<configuration><options><seed>0</seed></options></configuration>");
    }
}
