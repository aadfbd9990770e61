package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No wake-up is lost: about ten million hand-offs between pairs of threads through park/unpark,
 * monitors, conditions, socket readiness, sleeps, timed waits and interrupts all complete, on one
 * loop and on four (more loops than this machine's cores). A small run is compared with a plain
 * one; {@code -Psoak} runs ten times as many ({@code fiberize.stress.scale}).
 */
class HandOffStressIT {
    private static final String SCALE = System.getProperty("fiberize.stress.scale", "1");
    /** About 45 s a run at scale 1 on the 2-core machine; the program itself gives up at 60 s a mechanism per unit of scale. */
    private static final Duration LIMIT = Duration.ofSeconds((long) (480 * Math.max(1, Double.parseDouble(SCALE))));

    @Test
    void aSmallRunPrintsWhatItPrintsPlainly() throws Exception {
        Fiberized runs = Fiberized.run("programs.HandOffStress", "0.02").sameOutput();
        assertThat(runs.fiberized().stdout()).endsWith("all hand-offs completed\n");
    }

    @ParameterizedTest(name = "loops={0}")
    @ValueSource(ints = {1, 4})
    void everyHandOffCompletes(int loops) throws Exception {
        ForkedJvm.Result run = ForkedJvm.jdk25().agent("log=info,loops=" + loops).timeout(LIMIT).run("programs.HandOffStress", SCALE);
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stdout()).as("%s", run).endsWith("all hand-offs completed\n").doesNotContain("STUCK");
        assertThat(run.stderr()).doesNotContain("could not rewrite");
    }
}
