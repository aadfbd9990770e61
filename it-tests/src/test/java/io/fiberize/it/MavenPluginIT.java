package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's two-module project runs its JUnit 5 tests on fibers with {@code fiberize-maven-plugin} beside
 * JaCoCo's {@code prepare-agent}, in either order ({@code src/test/projects/tests-on-fibers}): Surefire's tests
 * start plain threads, a fixed pool, a thread-per-connection socket server and its clients, and connections to
 * a real PostgreSQL server, Failsafe's ({@code prepare-agent-integration}, other options) a thousand threads;
 * each fails unless the JVM gained fewer than 10 platform threads with all of them alive. JaCoCo must still
 * record the project's classes. With {@code -Dfiberize.skip=true} the same tests fail.
 */
class MavenPluginIT {

    private static final Pattern ARG_LINE = Pattern.compile("\\[INFO] argLine set to (.*)");
    private static final Pattern START = Pattern.compile("fiberize: version \\S+ on JDK \\S+: (\\d+ loop\\(s\\)), .*log=info");
    private static final String BOTH_AGENTS = "-javaagent:\\S+/org\\.jacoco\\.agent-\\S+-runtime\\.jar=destfile=\\S+ "
            + "-javaagent:\\S+/fiberize-agent-\\S+\\.jar=";
    private static final Pattern PASSED =
            Pattern.compile("Tests run: \\d+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .* -- in (\\S+)");

    @Test
    void testsRunOnFibersBesideJacocoInEitherOrder(@TempDir Path temp) throws Exception {
        PostgresServer.requireInstalled();
        UserProject project = UserProject.copy("tests-on-fibers", temp);
        ForkedJvm.Result build;
        try (PostgresServer postgres = PostgresServer.start()) {
            build = project.build("verify", "-Dpostgres.url=" + postgres.jdbcUrl());
        }
        assertThat(build.exitCode()).as("%s", build).isZero();
        assertThat(passed(build)).containsExactlyInAnyOrder("com.example.workers.ParallelSumTest",
                "com.example.workers.ParallelSumIT", "com.example.network.EchoServerTest",
                "com.example.network.PostgresTest");
        assertThat(startLines(build)).as("fiberize's start line from each forked test JVM (its standard error)")
                .containsExactly("1 loop(s)", "2 loop(s)", "1 loop(s)");
        assertThat(build.stderr().lines().filter(line -> line.startsWith("fiberize: at exit: LoopStats[")))
                .as("fiberize's exit report from each forked test JVM, after the fork closed its channel").hasSize(3);

        // workers: JaCoCo's prepare-agent, fiberize's prepare-agent (appends), fiberize's prepare-agent-integration
        // (replaces its own argument); network: fiberize's prepare-agent, JaCoCo's (puts its agent first).
        List<String> argLines = argLines(build);
        assertThat(argLines).hasSize(5);
        assertThat(argLines.get(1)).matches(BOTH_AGENTS + "log=info,loops=1");
        assertThat(argLines.get(2)).matches(BOTH_AGENTS + "log=info,loops=2");
        assertThat(argLines.get(4)).matches(BOTH_AGENTS + "log=info,loops=1");
        assertCoverage(project.dir().resolve("workers"), "com/example/workers/ParallelSum");
        assertCoverage(project.dir().resolve("network"), "com/example/network/EchoServer");
    }

    @Test
    void skippedThePluginLeavesThreadsPlatformThreadsAndTheTestsSaySo(@TempDir Path temp) throws Exception {
        UserProject project = UserProject.copy("tests-on-fibers", temp);
        ForkedJvm.Result build = project.build("verify", "-pl", "workers", "-Dfiberize.skip=true");

        assertThat(build.exitCode()).as("%s", build).isNotZero();
        assertThat(build.stderr()).doesNotContain("fiberize: version");
        assertThat(build.stdout()).contains("Skipping fiberize: argLine left as it is")
                .containsPattern("platform threads added by 200 live threads: 2\\d\\d");
        assertThat(argLines(build)).hasSize(1).allMatch(line -> !line.contains("fiberize"));
    }

    private static List<String> passed(ForkedJvm.Result build) {
        return PASSED.matcher(build.stdout()).results().map(match -> match.group(1)).toList();
    }

    private static List<String> startLines(ForkedJvm.Result build) {
        return START.matcher(build.stderr()).results().map(match -> match.group(1)).toList();
    }

    private static List<String> argLines(ForkedJvm.Result build) {
        return ARG_LINE.matcher(build.stdout()).results().map(match -> match.group(1)).toList();
    }

    /** Assert that the module's {@code jacoco.exec} holds the execution data of {@code className}. */
    private static void assertCoverage(Path module, String className) throws Exception {
        Path exec = module.resolve("target/jacoco.exec");
        assertThat(exec).as("JaCoCo's execution data").isRegularFile();
        assertThat(new String(Files.readAllBytes(exec), StandardCharsets.ISO_8859_1)).as("%s", exec).contains(className);
    }
}
