package io.fiberize.runtime.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The fiber dump: a JDK JSON thread dump summarised with fibers by loop, same stacks together.
 */
class FiberDumpTest {
    private static final String DUMP = """
            {"threadDump": {"processId": "42", "time": "2026-01-01T00:00:00Z", "runtimeVersion": "25",
              "threadContainers": [
                {"container": "<root>", "parent": null, "owner": null, "threads": [
                  {"tid": "1", "name": "fiberize-loop-0", "state": "RUNNABLE", "stack": ["a.B.c(B.java:1)"]},
                  {"tid": "2", "virtual": true, "name": "worker \\"x\\"", "state": "RUNNABLE",
                   "stack": ["app.Work.spin(Work.java:3)", "io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)"],
                   "carrier": "1"},
                  {"tid": "3", "virtual": true, "name": "sleeper-0", "state": "TIMED_WAITING",
                   "stack": ["java.base/java.lang.Thread.sleep(Thread.java:540)",
                             "io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)"]},
                  {"tid": "4", "virtual": true, "name": "sleeper-1", "state": "TIMED_WAITING",
                   "stack": ["java.base/java.lang.Thread.sleep(Thread.java:540)",
                             "io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)"]},
                  {"tid": "5", "virtual": true, "name": "SubPoller-0", "state": "WAITING", "stack": []}
                ], "threadCount": "5"}
              ]}}
            """;

    @Test
    void groupsFibersByLoopAndStack() {
        String text = FiberDump.summarise(DUMP);
        assertThat(text).startsWith("fiberize dump of process 42 (JDK 25, 2026-01-01T00:00:00Z): "
                + "3 fibers, 1 other virtual threads, 1 platform threads\n");
        assertThat(text).contains("""
                loop fiberize-loop-0: running
                  1 thread RUNNABLE: #2 "worker "x""
                      at app.Work.spin(Work.java:3)
                """);
        assertThat(text).contains("""
                  2 threads TIMED_WAITING: #3 "sleeper-0", #4 "sleeper-1"
                      at java.base/java.lang.Thread.sleep(Thread.java:540)
                """);
        assertThat(text).contains("other virtual threads (1;").contains("1 thread WAITING: #5 \"SubPoller-0\"");
    }

    @Test
    void refusesWhatIsNotAThreadDump() {
        assertThatThrownBy(() -> FiberDump.summarise("[1, 2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiberDump.summarise("{\"x\": 1}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dumpsThisJvmWithAParkedFiber() throws Exception {
        EventLoop loop = new EventLoop("dump-test-loop", new RunQueue.Fifo()).start();
        CountDownLatch release = new CountDownLatch(1);
        try {
            Thread fiber = Fibers.start(loop, "parked-in-test", true, () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Eventually.awaitParked(fiber);
            assertThat(FiberDump.ofThisJvm()).contains("\"parked-in-test\"")
                    .contains("at java.base/java.util.concurrent.CountDownLatch.await(");
        } finally {
            release.countDown();
            loop.shutdown();
        }
    }
}
