package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The agent's JFR events, recorded in a forked JVM with {@code -XX:StartFlightRecording} and read back.
 */
class JfrEventsIT {

    @Test
    void aClassInitializerThatWaitsForAnotherFiberRecordsALoopStallAndACompensation() throws Exception {
        List<RecordedEvent> events = record("programs.InitializerWaits", "");
        RecordedEvent stall = only(events, "io.fiberize.LoopStall");
        assertThat(stall.getString("loop")).isEqualTo("fiberize-loop-0");
        assertThat(stall.getString("fiber")).isEqualTo("initializer");
        assertThat(stall.getString("cause")).isEqualTo("CLASS_INITIALIZER");
        assertThat(stall.getBoolean("compensated")).isTrue();
        assertThat(stall.getDuration("stalled").toMillis()).isPositive();
        assertThat(stall.getString("stack")).contains("programs.InitializerWaits$Config.<clinit>(");
        RecordedEvent compensation = only(events, "io.fiberize.Compensation");
        assertThat(compensation.getString("carrier")).isEqualTo("fiberize-loop-0-compensating-1");
        assertThat(compensation.getString("fiber")).isEqualTo("initializer");
        assertThat(named(events, "io.fiberize.FiberStart")).as("off by default").isEmpty();
    }

    @Test
    void aPipeReadIsNoSlowOffloadedCallAndFiberStartAndEndCanBeTurnedOn() throws Exception {
        List<RecordedEvent> events = record("programs.SlowReads",
                ",+io.fiberize.FiberStart#enabled=true,+io.fiberize.FiberEnd#enabled=true");
        assertThat(named(events, "io.fiberize.OffloadCall"))
                .as("a pipe read waits on the loop's epoll, not on the offload pool, so no slow call is recorded")
                .allSatisfy(call -> assertThat(call.getDuration().toMillis()).isGreaterThanOrEqualTo(20));
        assertThat(named(events, "io.fiberize.FiberStart")).anySatisfy(start -> {
            assertThat(start.getThread().getJavaName()).isEqualTo("reader");
            assertThat(start.getString("loop")).isEqualTo("fiberize-loop-0");
        });
        assertThat(named(events, "io.fiberize.FiberEnd"))
                .anyMatch(end -> end.getThread().getJavaName().equals("reader"));
        assertThat(named(events, "io.fiberize.LoopStall")).isEmpty();
    }

    private static List<RecordedEvent> record(String program, String extraSettings) throws Exception {
        Path directory = Files.createTempDirectory("fiberize-jfr");
        Path recording = directory.resolve("recording.jfr");
        try {
            ForkedJvm.Result run = ForkedJvm.jdk25().agent(null)
                    .jvmOptions("-XX:StartFlightRecording=filename=" + recording + extraSettings)
                    .run(program);
            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.stderr()).as("%s", run).doesNotContain("Exception", "Error");
            return RecordingFile.readAllEvents(recording);
        } finally {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(directory);
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = named(events, name);
        assertThat(found).as("%s events", name).hasSize(1);
        return found.get(0);
    }
}
