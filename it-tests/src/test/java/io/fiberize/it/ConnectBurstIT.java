package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 2,000 client threads connect at once, with a 2 s connect timeout, to a thread-per-connection
 * server that asked for the JDK's default listen backlog of 50: under the agent none of them
 * fails, on one loop or two, with the clients in the server's JVM or in one of their own.
 *
 * <p>A cooperative acceptor runs once per round of its loop, so with a backlog of 50 the kernel
 * dropped the SYNs of a burst and some clients timed out; the agent now listens with the system's
 * {@code somaxconn}, which {@code ss -ltn} shows.
 */
class ConnectBurstIT {
    private static final String PROGRAM = "programs.ConnectBurst";
    private static final int CLIENTS = 2_000;
    private static final String NONE_FAILED = "failures: 0 of " + CLIENTS;

    @ParameterizedTest
    @ValueSource(strings = {"loops=1", "loops=2"})
    void aBurstInTheServersJvmLosesNoConnect(String loops) throws Exception {
        ForkedJvm.Result run = ForkedJvm.jdk25().agent(loops + ",log=info").run(PROGRAM, Integer.toString(CLIENTS));

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stderr()).as("instrumentation errors").doesNotContain("could not rewrite");
        assertThat(run.stdout()).as("%s", run).contains(NONE_FAILED);
    }

    /**
     * The same program without the agent, for comparison: it runs, but on a 2-core machine the plain
     * JVM itself loses connects of this burst (185 to 513 of 2,000 in five runs), since the acceptor
     * thread, one of 2,000 runnable threads, starts a platform thread per connection while the backlog
     * of 50 overflows; so its count is reported, not asserted.
     */
    @Test
    void thePlainJvmRunsTheSameBurst() throws Exception {
        ForkedJvm.Result plain = ForkedJvm.jdk25().run(PROGRAM, Integer.toString(CLIENTS));

        assertThat(plain.exitCode()).as("%s", plain).isZero();
        assertThat(plain.stdout()).as("%s", plain).containsPattern("failures: \\d+ of " + CLIENTS);
        System.out.println("ConnectBurst plainly: " + plain.stdout().strip());
    }

    @Test
    void aBurstFromAnotherJvmLosesNoConnect() throws Exception {
        try (ServerJvm server = ForkedJvm.jdk25().agent("log=info").start(PROGRAM, "server")) {
            ForkedJvm.Result clients = ForkedJvm.jdk25()
                    .run(PROGRAM, "clients", Integer.toString(server.port()), Integer.toString(CLIENTS));

            assertThat(clients.exitCode()).as("%s", clients).isZero();
            assertThat(clients.stdout()).as("%s", clients).contains(NONE_FAILED);
            assertThat(server.stop().stderr()).as("instrumentation errors").doesNotContain("could not rewrite");
        }
    }

    @Test
    void theServerListensWithSomaxconnUnderTheAgentAndWithWhatItAskedForPlainly() throws Exception {
        Assumptions.assumeTrue(HostCommand.installed("ss"), "ss is not installed");
        int somaxconn = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).strip());

        try (ServerJvm plain = ForkedJvm.jdk25().start(PROGRAM, "server");
             ServerJvm fiberized = ForkedJvm.jdk25().agent(null).start(PROGRAM, "server")) {
            assertThat(listenBacklog(plain.port())).as("the JDK's default").isEqualTo(50);
            assertThat(listenBacklog(fiberized.port())).as("somaxconn").isEqualTo(somaxconn);
        }
    }

    /** Return the backlog of the socket listening on {@code port}: {@code ss -ltn}'s Send-Q. */
    private static int listenBacklog(int port) throws Exception {
        ForkedJvm.Result ss = HostCommand.run("ss", "-Hltn", "sport = :" + port);
        assertThat(ss.exitCode()).as("%s", ss).isZero();
        String[] columns = ss.stdout().strip().split("\\s+");
        assertThat(columns).as("%s", ss).hasSizeGreaterThan(2);
        return Integer.parseInt(columns[2]);
    }
}
