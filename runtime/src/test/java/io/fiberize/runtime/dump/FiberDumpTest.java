package io.fiberize.runtime.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.NetHooks;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.FdWait;
import io.fiberize.runtime.loop.RunQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The fiber dump: a JDK JSON thread dump summarised with fibers by loop, same stacks together, each
 * with what it waits on.
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
                  {"tid": "5", "virtual": true, "name": "SubPoller-0", "state": "WAITING", "stack": []},
                  {"tid": "6", "virtual": true, "name": "locker", "state": "WAITING",
                   "parkBlocker": {"object": "java.util.concurrent.locks.ReentrantLock$NonfairSync@1f"},
                   "stack": ["java.base/java.util.concurrent.locks.ReentrantLock.lock(ReentrantLock.java:1)",
                             "io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)"]},
                  {"tid": "7", "virtual": true, "name": "syncer", "state": "BLOCKED", "blockedOn": "java.lang.Object@2e",
                   "stack": ["app.Sync.enter(Sync.java:1)", "io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)"]},
                  {"tid": "8", "virtual": true, "name": "holder", "state": "TIMED_WAITING",
                   "stack": ["app.Sync.hold(Sync.java:2)", "io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)"],
                   "monitorsOwned": [{"depth": 0, "locks": ["java.lang.Object@2e"]}]}
                ], "threadCount": "8"}
              ]}}
            """;

    @Test
    void groupsRunningFibersByLoopAndTheOthersApartWithoutTheRuntimesFacts() {
        String text = FiberDump.summarise(DUMP, Map.of());
        assertThat(text).startsWith("fiberize dump of process 42 (JDK 25, 2026-01-01T00:00:00Z): "
                + "6 fibers, 1 other virtual threads, 1 platform threads\n");
        assertThat(text).contains("""
                loop fiberize-loop-0: 1 fiber, running #2 "worker "x""
                  1 fiber RUNNABLE:
                      #2 "worker "x""
                      at app.Work.spin(Work.java:3)
                      at io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)
                """);
        assertThat(text).contains("""
                fibers of an unknown loop (5; a dump taken from outside names the loop of running fibers only):
                  2 fibers TIMED_WAITING:
                      #3 "sleeper-0"
                      #4 "sleeper-1"
                      at java.base/java.lang.Thread.sleep(Thread.java:540)
                      at io.fiberize.runtime.fiber.FiberTask.run(FiberTask.java:47)
                """);
        assertThat(text).contains("      #6 \"locker\": parked on java.util.concurrent.locks.ReentrantLock$NonfairSync@1f\n")
                .contains("      #7 \"syncer\": blocked entering monitor java.lang.Object@2e held by #8 \"holder\"\n")
                .contains("other virtual threads (1;").contains("  1 thread WAITING:\n      #5 \"SubPoller-0\"\n");
    }

    @Test
    void placesEveryFiberOnItsLoopWithItsSocketOrTimerFromTheRuntimesFacts() {
        String text = FiberDump.summarise(DUMP, Map.of(
                "3", new FiberDump.FiberFacts("fiberize-loop-1", null, 1_500_000_000L),
                "4", new FiberDump.FiberFacts("fiberize-loop-1", new Wait(17, true), null),
                "6", new FiberDump.FiberFacts("fiberize-loop-1", null, null),
                "7", new FiberDump.FiberFacts("fiberize-loop-0", null, null),
                "8", new FiberDump.FiberFacts("fiberize-loop-0", null, null)));
        assertThat(text).doesNotContain("unknown loop").contains("""
                loop fiberize-loop-1: 3 fibers, none running
                  2 fibers TIMED_WAITING:
                      #3 "sleeper-0": timer due in 1.500 s
                      #4 "sleeper-1": fd 17 read
                """);
        assertThat(text).contains("loop fiberize-loop-0: 3 fibers, running #2 \"worker \"x\"\"\n");
    }

    @Test
    void namesAnAcceptOrAConnectByTheStack() {
        assertThat(FiberDump.interest(true, List.of("java.base/sun.nio.ch.NioSocketImpl.accept(NioSocketImpl.java:1)")))
                .isEqualTo("accept");
        assertThat(FiberDump.interest(false, List.of("java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:1)")))
                .isEqualTo("connect");
        assertThat(FiberDump.interest(true, List.of("app.Server.accept(Server.java:1)"))).isEqualTo("read");
        assertThat(FiberDump.interest(false, List.of())).isEqualTo("write");
    }

    @Test
    void formatsDelaysInMillisecondsSecondsOrDays() {
        assertThat(FiberDump.duration(-1)).isEqualTo("0 ms (overdue)");
        assertThat(FiberDump.duration(250_000_000L)).isEqualTo("250 ms");
        assertThat(FiberDump.duration(61_250_000_000L)).isEqualTo("61.250 s");
        assertThat(FiberDump.duration(Long.MAX_VALUE)).isEqualTo("106751 days");
    }

    @Test
    void refusesWhatIsNotAThreadDump() {
        assertThatThrownBy(() -> FiberDump.summarise("[1, 2", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiberDump.summarise("{\"x\": 1}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dumpsThisJvmWithEachFiberOnItsLoopAndWhatItWaitsOn() throws Exception {
        EventLoop loop = new EventLoop("dump-test-loop", new RunQueue.Fifo()).start();
        CountDownLatch release = new CountDownLatch(1);
        try (SocketPair pair = SocketPair.open()) {
            Thread latched = Fibers.start(loop, "parked-in-test", true, () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread sleeper = Fibers.start(loop, "sleeping-in-test", true, () -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread reader = Fibers.start(loop, "reading-in-test", true,
                    () -> NetHooks.await(pair.left(), true, 0));
            Eventually.awaitParked(latched);
            Eventually.awaitParked(sleeper);
            Eventually.awaitParked(reader);
            String text = FiberDump.ofThisJvm();
            assertThat(text).contains("loop dump-test-loop: 3 fibers, none running\n")
                    .containsPattern("#\\d+ \"parked-in-test\": parked on java.util.concurrent.CountDownLatch\\$Sync@")
                    .containsPattern("#\\d+ \"sleeping-in-test\": timer due in 5\\d\\.\\d{3} s\n")
                    .containsPattern("#\\d+ \"reading-in-test\": fd \\d+ read\n")
                    .contains("at java.base/java.util.concurrent.CountDownLatch.await(");
            sleeper.interrupt();
            reader.interrupt();
        } finally {
            release.countDown();
            loop.shutdown();
        }
    }

    private record Wait(int fd, boolean read) implements FdWait {
    }
}
