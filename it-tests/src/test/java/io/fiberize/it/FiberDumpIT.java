package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/fiberize dump <pid>} and the JDK's own JSON thread dump list the fibers of a program
 * that never mentions fiberize, with their stacks.
 */
class FiberDumpIT {

    @Test
    void binFiberizeDumpListsSleepingFibersAndFibersBlockedInSocketReadsWithTheirStacks() throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().agent(null).start("programs.ParkedOnSockets", "50", "50")) {
            Path fiberize = BuildOutputs.agentJar().getParent().getParent().getParent().resolve("bin/fiberize");
            ForkedJvm.Result dump = HostCommand.run(fiberize.toString(), "dump", Long.toString(server.pid()));
            assertThat(dump.exitCode()).as("%s", dump).isZero();
            String out = dump.stdout();
            assertThat(out).contains("100 fibers").contains("loop fiberize-loop-0")
                    .contains("50 threads WAITING: ").contains("50 threads TIMED_WAITING: ");
            for (int i = 0; i < 50; i++) {
                assertThat(out).contains("\"reader-" + i + "\"").contains("\"sleeper-" + i + "\"");
            }
            assertThat(out).contains("at java.base/java.net.Socket$SocketInputStream.read(")
                    .contains("at programs.ParkedOnSockets.read(")
                    .contains("at java.base/java.lang.Thread.sleep(")
                    .contains("at programs.ParkedOnSockets.sleep(");
        }
    }

    @Test
    void theJdksOwnJsonThreadDumpShowsTheFibers() throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().agent(null).start("programs.ParkedOnSockets", "50", "50")) {
            Path file = Files.createTempDirectory("fiber-dump").resolve("threads.json");
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            ForkedJvm.Result result = HostCommand.run(jcmd.toString(), Long.toString(server.pid()),
                    "Thread.dump_to_file", "-format=json", file.toString());
            assertThat(result.exitCode()).as("%s", result).isZero();
            String json = Files.readString(file);
            Files.delete(file);
            Files.delete(file.getParent());
            for (int i = 0; i < 50; i++) {
                assertThat(json).contains("\"name\": \"reader-" + i + "\"").contains("\"name\": \"sleeper-" + i + "\"");
            }
            assertThat(json).contains("programs.ParkedOnSockets.read(").contains("programs.ParkedOnSockets.sleep(")
                    .contains("\"virtual\": true");
        }
    }
}
