package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time slicing (issue 17): a thread that computes cannot hold its loop. A receiver that spins on a
 * volatile flag, with or without {@code Thread.onSpinWait()}, lets the sender run and the hand-off
 * ends on one loop as on a plain JVM (it hung before); sleepers beside a thread that computes for
 * a second, in loops or in a recursion, wake within a slice or two of their time, not after the
 * computation ends.
 */
class TimeSlicingIT {
    private static final String HOG = "programs.slicing.SleepersBesideAHog";
    /** How late a sleeper may wake beside the hog: a few 10 ms slices; without slicing, the hog's whole second. */
    private static final long MOST_LATENESS_MILLIS = 200;

    @Test
    void aThreadThatSpinsOnAFlagLetsTheThreadThatSetsItRun() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns.of("programs.slicing.SpinHandOff", "5", "1000").sameOutput(softly);
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loop", "recursion"})
    void sleepersWakeOnTimeBesideAThreadThatComputes(String kind) throws Exception {
        String size = kind.equals("loop") ? "600000000" : "42";
        Fiberized runs = Fiberized.run(HOG, kind, size).sameOutput();
        assertThat(runs.fiberizedNumber("worst lateness ms:")).as("%s", runs.fiberized())
                .isLessThan(MOST_LATENESS_MILLIS);
        assertThat(runs.report().get("slicedYields")).as("%s", runs.report()).isPositive();
        assertThat(runs.fiberized().stallReports()).as("watchdog reports").isEmpty();
    }

    @Test
    void withoutSlicesTheSleepersWaitForTheComputationToEnd() throws Exception {
        ForkedJvm.Result run = ForkedJvm.jdk25().agent("log=info,slice=0").run(HOG, "loop", "600000000");
        assertThat(run.exitCode()).as("%s", run).isZero();
        ExitReport report = ExitReport.of(run);
        assertThat(report.get("slicedYields")).as("%s", report).isZero();
        assertThat(run.stallReports()).as("%s", run.stderr()).isNotEmpty();
        assertThat(Fiberized.number(run, "worst lateness ms:")).as("%s", run).isGreaterThanOrEqualTo(MOST_LATENESS_MILLIS);
    }
}
