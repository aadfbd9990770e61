package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExitStatsTest {

    private static final String LINE = "fiberize: at exit: LoopStats[name=all, fibersAlive=0, fibersStarted=200, "
            + "fibersFinished=200, ready=0, parkedOnIo=0, timers=0, tasksRun=45690, turns=847, localResumes=0, "
            + "otherLoopResumes=0, foreignResumes=200, jdkHelperResumes=3, unblockerResumes=0, wakeups=3, "
            + "longestTurnNanos=221627026, stalls=1, compensations=1], offloadCalls=0, classesRewritten=9";

    @Test
    void findsTheReportAmongOtherLines() {
        ExitStats stats = ExitStats.find(List.of("listening on 1234", "fiberize: version 0.1.0", LINE)).orElseThrow();
        assertThat(stats.jdkHelperResumes()).isEqualTo(3);
        assertThat(stats.get("foreignResumes")).isEqualTo(200);
        assertThat(stats.get("classesRewritten")).isEqualTo(9);
    }

    @Test
    void isEmptyWithoutAReport() {
        assertThat(ExitStats.find(List.of("fiberize: version 0.1.0"))).isEmpty();
    }

    @Test
    void saysWhichCounterIsMissing() {
        assertThatThrownBy(() -> ExitStats.find(List.of(LINE)).orElseThrow().get("noSuchCounter"))
                .hasMessageContaining("noSuchCounter");
    }
}
