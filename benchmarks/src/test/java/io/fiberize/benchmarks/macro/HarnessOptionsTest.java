package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    private static final String[] PATHS = {"--agent", "fiberize.jar", "--out", "results"};

    @Test
    void fullRunByDefault() {
        HarnessOptions options = HarnessOptions.parse(PATHS);
        assertThat(options.repetitions()).isEqualTo(3);
        assertThat(options.sizes()).containsExactly(32, 4096);
        assertThat(options.connections()).containsExactly(200, 2_000, 10_000);
        assertThat(options.idleConnections()).isEqualTo(100_000);
        assertThat(options.httpConnections()).containsExactly(100, 1_000);
        assertThat(options.million()).isFalse();
        assertThat(options.agentJar()).isEqualTo(Path.of("fiberize.jar"));
    }

    @Test
    void quickIsASmokeRunAndRepetitionsCanBeChosen() {
        HarnessOptions options = HarnessOptions.parse(with("--quick", "--reps", "2", "--million",
                "--command", "benchmarks/run-macro --quick"));
        assertThat(options.repetitions()).isEqualTo(2);
        assertThat(options.connections()).containsExactly(200);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.idleConnections()).isEqualTo(1_000);
        assertThat(options.httpConnections()).containsExactly(100);
        assertThat(options.million()).isTrue();
        assertThat(options.command()).isEqualTo("benchmarks/run-macro --quick");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> HarnessOptions.parse(with("--reps", "0"))).hasMessageContaining("--reps '0'");
        assertThatThrownBy(() -> HarnessOptions.parse(with("--fast"))).hasMessageContaining("'--fast'");
        assertThatThrownBy(() -> HarnessOptions.parse(with("--reps"))).hasMessageContaining("--reps needs a value");
        assertThatThrownBy(() -> HarnessOptions.parse(new String[] {"--quick"}))
                .hasMessageContaining("--agent and --out are required");
    }

    private static String[] with(String... more) {
        return Stream.concat(Stream.of(PATHS), Stream.of(more)).toArray(String[]::new);
    }
}
