package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/fiberize dump <pid>} lists every fiber of a program that never mentions fiberize under
 * its loop, with what it waits on and its stack, without opening a port in it or loading an agent
 * into it; the JDK's own JSON thread dump lists them too.
 */
class FiberDumpIT {
    private static final long SETTLE_MILLIS = 30_000;
    /** What JDK 25 prints on the standard error of a JVM an agent is loaded into while it runs (JEP 451). */
    private static final String DYNAMIC_AGENT_WARNING = "WARNING: A Java agent has been loaded dynamically";

    @Test
    void binFiberizeDumpShowsEachFibersLoopSocketTimerLockQueueAndMonitor() throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().agent("loops=2").start("programs.WaitingFibers", "4")) {
            String out = dumpOnceSettled(server, text -> {
                String fibers = text.substring(0, text.indexOf("\nother virtual threads"));
                return count(fibers, ": fd ") == 5 && count(fibers, ": parked on ") == 8
                        && count(fibers, ": timer due in ") == 6 && count(fibers, "blocked entering monitor") == 4
                        && fibers.contains("in Object.wait on monitor");
            });
            assertThat(out).contains("24 fibers").doesNotContain("unknown loop")
                    .contains("\nloop fiberize-loop-0: ").contains("\nloop fiberize-loop-1: ");
            for (int i = 0; i < 4; i++) {
                assertThat(out).containsPattern("\"reader-" + i + "\": fd \\d+ read\n")
                        .containsPattern("\"sleeper-" + i + "\": timer due in 3\\d{3}\\.\\d{3} s\n")
                        .containsPattern("\"lock-waiter-" + i
                                + "\": parked on java.util.concurrent.locks.ReentrantLock\\$NonfairSync@\\p{XDigit}+\n")
                        .containsPattern("\"queue-taker-" + i
                                + "\": parked on java.util.concurrent.locks.AbstractQueuedSynchronizer\\$ConditionObject@")
                        .containsPattern("\"monitor-waiter-" + i
                                + "\": blocked entering monitor java.lang.Object@\\p{XDigit}+ held by #\\d+ \"monitor-holder\"\n");
            }
            assertThat(out).containsPattern("\"acceptor\": fd \\d+ accept\n")
                    .containsPattern("\"object-waiter\": in Object.wait on monitor java.lang.Object@\\p{XDigit}+\n")
                    .contains("at java.base/java.net.Socket$SocketInputStream.read(")
                    .contains("at java.base/java.util.concurrent.LinkedBlockingQueue.take(")
                    .contains("at programs.WaitingFibers.read(");
            for (String loop : out.split("\nloop ")) {
                if (loop.startsWith("fiberize-loop-")) {
                    String section = loop.split("\n\n")[0];
                    int fibers = Integer.parseInt(section.replaceFirst("(?s)^fiberize-loop-\\d: (\\d+) fibers?,.*", "$1"));
                    assertThat(count(section, "\n      #")).as("fibers listed under %s", section.lines().findFirst())
                            .isEqualTo(fibers);
                }
            }
        }
    }

    @Test
    void binFiberizeDumpOpensNoPortInTheProcessAndLoadsNoAgentIntoIt() throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().agent("loops=2").start("programs.ParkedOnSockets", "3", "2")) {
            Set<String> listening = server.listeningTcpSockets();
            assertThat(listening).as("the program's own server socket").hasSize(1);
            String out = dumpOnceSettled(server, text -> count(text, ": fd ") == 3);
            assertThat(out).startsWith("fiberize dump of process " + server.pid() + " ")
                    .containsPattern("\"reader-2\": fd \\d+ read\n");
            assertThat(server.listeningTcpSockets()).as("listening sockets after the dumps").isEqualTo(listening);
            assertThat(server.stop().stderr()).doesNotContain(DYNAMIC_AGENT_WARNING);
        }
    }

    @Test
    void binFiberizeDumpSummarisesTheJdksDumpOfAJvmWithoutTheAgent() throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().start("programs.ParkedOnSockets", "3", "2")) {
            Set<String> listening = server.listeningTcpSockets();
            ForkedJvm.Result dump = binFiberizeDump(server);
            assertThat(dump.exitCode()).as("%s", dump).isZero();
            assertThat(dump.stdout()).startsWith("(no fiberize runtime in the process: the JDK's thread dump only)\n")
                    .contains("0 fibers").contains("\"reader-2\"").contains("\"sleeper-1\"")
                    .contains("at programs.ParkedOnSockets.read(");
            assertThat(server.listeningTcpSockets()).as("listening sockets after the dump").isEqualTo(listening);
            assertThat(server.stop().stderr()).doesNotContain(DYNAMIC_AGENT_WARNING);
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
                    .contains("\"virtual\": true").contains("\"parkBlocker\"");
        }
    }

    /** Run {@code bin/fiberize dump} until its output passes {@code settled} (the threads are in their waits). */
    private static String dumpOnceSettled(ServerJvm server, Predicate<String> settled) throws Exception {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (true) {
            ForkedJvm.Result dump = binFiberizeDump(server);
            assertThat(dump.exitCode()).as("%s", dump).isZero();
            if (settled.test(dump.stdout()) || System.currentTimeMillis() > deadline) {
                return dump.stdout();
            }
            Thread.sleep(200);
        }
    }

    private static ForkedJvm.Result binFiberizeDump(ServerJvm server) throws Exception {
        Path fiberize = BuildOutputs.agentJar().getParent().getParent().getParent().resolve("bin/fiberize");
        return HostCommand.run(fiberize.toString(), "dump", Long.toString(server.pid()));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
