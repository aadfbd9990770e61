package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded schedule ({@code seed=}, issue 16): the same seed gives the same decisions, trace and
 * output on every run; some seed finds a lost update that a plain run does not show; an hour of
 * sleeping passes in virtual time; a deadlock ends with a report and status 4, not a hang; the
 * main thread is a fiber that looks and dies like the main thread.
 */
class SeededScheduleIT {
    private static final Pattern TRACE = Pattern.compile(
            "fiberize: warning: schedule (seed=\\S+): (\\d+) decisions, trace ([0-9a-f]{16}); replay with"
                    + " -javaagent:fiberize\\.jar=(\\S+)");
    /** How many seeds a test tries before it gives up on finding the lost update. */
    private static final int SEEDS_TO_TRY = 60;

    /** The trace line of a seeded run: its options, its decision count and its hash. */
    private record Trace(String options, long decisions, String hash, String replay) {
        static Trace of(ForkedJvm.Result run) {
            Matcher m = TRACE.matcher(run.stderr());
            assertThat(m.find()).as("the trace line in %s", run).isTrue();
            return new Trace(m.group(1), Long.parseLong(m.group(2)), m.group(3), m.group(4));
        }
    }

    private static ForkedJvm.Result seeded(String options, String mainClass) throws Exception {
        return ForkedJvm.jdk25().agent(options).run(mainClass);
    }

    /** Return the lines of standard error that the program wrote: not the agent's, not the JVM's sharing warning. */
    private static List<String> withoutAgentLines(ForkedJvm.Result run) {
        return run.stderr().lines().filter(line -> !line.startsWith("fiberize: ")
                && !line.startsWith("OpenJDK 64-Bit Server VM warning: Sharing")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed=1", "seed=2", "seed=3,schedule=pct", "seed=4,schedule=pct,pctDepth=2"})
    void theSameSeedGivesTheSameScheduleEveryTime(String options) throws Exception {
        ForkedJvm.Result first = seeded(options, "programs.schedule.WorkersAndQueues");
        assertThat(first.exitCode()).as("%s", first).isZero();
        Trace trace = Trace.of(first);
        assertThat(trace.decisions()).isPositive();
        assertThat(trace.replay()).isEqualTo(trace.options());
        for (int run = 0; run < 2; run++) {
            ForkedJvm.Result again = seeded(options, "programs.schedule.WorkersAndQueues");
            assertThat(Trace.of(again)).as("the trace of run %d", run + 2).isEqualTo(trace);
            assertThat(again.stdout()).isEqualTo(first.stdout());
        }
    }

    @Test
    void monitorsHandedBackByTheJdksUnblockerThreadKeepTheScheduleReproducible() throws Exception {
        ForkedJvm.Result first = seeded("seed=11", "programs.schedule.ContendedMonitor");
        assertThat(first.exitCode()).as("%s", first).isZero();
        for (int run = 0; run < 4; run++) {
            ForkedJvm.Result again = seeded("seed=11", "programs.schedule.ContendedMonitor");
            assertThat(Trace.of(again)).as("the trace of run %d", run + 2).isEqualTo(Trace.of(first));
            assertThat(again.stdout()).isEqualTo(first.stdout());
        }
    }

    @Test
    void differentSeedsGiveDifferentSchedules() throws Exception {
        Set<String> traces = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (int seed = 1; seed <= 5; seed++) {
            ForkedJvm.Result run = seeded("seed=" + seed, "programs.schedule.WorkersAndQueues");
            traces.add(Trace.of(run).hash());
            outputs.add(run.stdout());
        }
        assertThat(traces).as("distinct traces of seeds 1 to 5").hasSizeGreaterThan(1);
        assertThat(outputs).as("distinct outputs of seeds 1 to 5").hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "pct"})
    void aSeedFindsALostUpdateAndReplaysIt(String policy) throws Exception {
        ForkedJvm.Result plain = ForkedJvm.jdk25().run("programs.schedule.LostUpdate");
        assertThat(plain.exitCode()).as("the plain run, whose threads rarely overlap: %s", plain).isZero();
        ForkedJvm.Result failing = null;
        for (int seed = 1; seed <= SEEDS_TO_TRY && failing == null; seed++) {
            ForkedJvm.Result run = seeded("seed=" + seed + ",schedule=" + policy, "programs.schedule.LostUpdate");
            if (run.exitCode() != 0) {
                failing = run;
            }
        }
        assertThat(failing).as("a seed among the first %d that loses an update", SEEDS_TO_TRY).isNotNull();
        assertThat(failing.stderr()).contains("java.lang.IllegalStateException: lost");
        Trace trace = Trace.of(failing);
        for (int run = 0; run < 3; run++) {
            ForkedJvm.Result replay = seeded(trace.replay(), "programs.schedule.LostUpdate");
            assertThat(replay.exitCode()).isEqualTo(failing.exitCode());
            assertThat(replay.stdout()).isEqualTo(failing.stdout());
            assertThat(Trace.of(replay)).isEqualTo(trace);
        }
    }

    @Test
    void anHourOfSleepsPassesInVirtualTime() throws Exception {
        long start = System.nanoTime();
        ForkedJvm.Result run = seeded("seed=1", "programs.schedule.SleepsAnHour");
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "nanoTime seconds: 900", "currentTimeMillis seconds: 900", "Instant seconds: 900",
                "started at: 2000-01-01T00:00:00Z");
        assertThat(wallMillis).as("the whole JVM's run, in real milliseconds").isLessThan(20_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"monitor:java.lang.Object@", "reentrant:java.util.concurrent.locks.ReentrantLock$NonfairSync@"})
    void aDeadlockEndsWithAReportNamingTheCycleInsteadOfAHang(String kindAndLock) throws Exception {
        String kind = kindAndLock.substring(0, kindAndLock.indexOf(':'));
        String lock = kindAndLock.substring(kind.length() + 1);
        ForkedJvm.Result run = ForkedJvm.jdk25().agent("seed=1").run("programs.schedule.LockOrderDeadlock", kind);
        assertThat(run.exitCode()).as("%s", run).isEqualTo(4);
        assertThat(run.stderr())
                .contains("the program is stuck (schedule seed=1,schedule=random")
                .contains("deadlock: \"")
                .contains("\"left-then-right\" waits for <" + lock)
                .contains("\"right-then-left\" waits for <" + lock)
                .contains(", held by \"left-then-right\"")
                .contains(", held by \"right-then-left\"")
                .contains("at programs.schedule.LockOrderDeadlock.both(LockOrderDeadlock.java:");
        assertThat(run.stdout()).doesNotContain("both done");
    }

    @Test
    void theMainThreadIsAFiberThatLooksAndDiesLikeTheMainThread() throws Exception {
        ForkedJvm.Result plain = ForkedJvm.jdk25().run("programs.schedule.MainThreadDies");
        ForkedJvm.Result seeded = seeded("seed=9", "programs.schedule.MainThreadDies");
        assertThat(seeded.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(1);
        assertThat(seeded.stdout()).isEqualTo(plain.stdout())
                .isEqualTo("name main, virtual false, daemon false, group main, priority 5\n");
        assertThat(withoutAgentLines(seeded)).isEqualTo(withoutAgentLines(plain));
        assertThat(withoutAgentLines(plain)).isEqualTo(List.of(
                "Exception in thread \"main\" java.lang.IllegalStateException: the main thread gives up",
                "\tat programs.schedule.MainThreadDies.fail(MainThreadDies.java:16)",
                "\tat programs.schedule.MainThreadDies.main(MainThreadDies.java:12)"));
    }
}
