package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.samples.process.ProcessStatus;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResultTablesTest {

    private static final Load LOAD = new Load(200, 32);

    @Test
    void figuresAreMediansWithTheirRange() {
        String table = tables().figures("round trips/s");
        assertThat(table).contains("| 200 conns, 32 B | fiberize loops=1 | 200 (100–300) |", "| 0, 2, 0 |");
        assertThat(table).contains("| 200 conns, 32 B | netty 1 loop | 100 (100–100) |", "| – | 3 |");
    }

    @Test
    void ratiosArePairedByRepetition() {
        // Per repetition: 100/100, 200/100, 300/100.
        assertThat(tables().ratios(ServerVariants.FIBERIZE_1, "round trips/s"))
                .contains("| 200 conns, 32 B | netty 1 loop | 2.00x (1.00x–3.00x) |");
    }

    @Test
    void targetsAreJudgedOnTheMedianRatioAndHelperResumesMustBeZero() {
        String table = tables().targets(ServerVariants.FIBERIZE_1, List.of(
                new ResultTables.Check(Metric.THROUGHPUT, new Target("rt/s", ServerVariants.NETTY_1, true, 1.0)),
                new ResultTables.Check(Metric.THROUGHPUT, new Target("rt/s", ServerVariants.NETTY_1, true, 2.5))));
        assertThat(table).contains("| 2.00x (1.00x–3.00x) | met |", "| 2.00x (1.00x–3.00x) | **missed** |",
                "| 3 runs, 1 with resumes, at most 2 | **missed** |");
    }

    private static ResultTables tables() {
        List<Measurement> measurements = List.of(
                measurement(ServerVariants.FIBERIZE_1, 1, 100, OptionalLong.of(0)),
                measurement(ServerVariants.FIBERIZE_1, 2, 200, OptionalLong.of(2)),
                measurement(ServerVariants.FIBERIZE_1, 3, 300, OptionalLong.of(0)),
                measurement(ServerVariants.NETTY_1, 1, 100, OptionalLong.empty()),
                measurement(ServerVariants.NETTY_1, 2, 100, OptionalLong.empty()),
                measurement(ServerVariants.NETTY_1, 3, 100, OptionalLong.empty()));
        return new ResultTables(new Runs(measurements, List.of()), List.of(LOAD),
                List.of(ServerVariants.FIBERIZE_1, ServerVariants.NETTY_1));
    }

    private static Measurement measurement(String variant, int repetition, double perSecond, OptionalLong resumes) {
        return new Measurement(variant, LOAD, repetition, perSecond, 1000, 1_000_000, 2_000_000, 0.5,
                new ProcessStatus(20, 100_000), resumes, "");
    }
}
