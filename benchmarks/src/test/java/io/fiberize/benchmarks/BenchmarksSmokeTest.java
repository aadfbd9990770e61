package io.fiberize.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Check that the build produced runnable benchmarks, without running JMH: the annotation
 * processor generated them, and one invocation of each works for every kind of thread.
 */
class BenchmarksSmokeTest {

    @Test
    void jmhGeneratedTheBenchmarkList() throws IOException {
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).as("META-INF/BenchmarkList: did the JMH annotation processor run?").isNotNull();
            String text = new String(list.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains(PingPongBenchmark.class.getName(), SpawnBenchmark.class.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Contenders.FIBERIZE, Contenders.VIRTUAL, Contenders.PLATFORM})
    void oneInvocationOfEachBenchmarkWorks(String kind) throws Exception {
        PingPongBenchmark pingPong = new PingPongBenchmark();
        pingPong.kind = kind;
        pingPong.setUp();
        try {
            assertThat(pingPong.roundTrip()).isEqualTo(PingPongBenchmark.ROUND_TRIPS);
        } finally {
            pingPong.tearDown();
        }

        SpawnBenchmark spawn = new SpawnBenchmark();
        spawn.kind = kind;
        spawn.setUp();
        try {
            assertThat(spawn.spawnAndJoin()).isEqualTo(SpawnBenchmark.THREADS);
        } finally {
            spawn.tearDown();
        }
    }
}
