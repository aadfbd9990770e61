package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Nothing of a thread or a connection that ended stays behind: the heap retained after 100,000
 * threads (each holding 10 KB) and 20,000 connections is within a few MB of a plain run.
 */
class ThreadsComeAndGoIT {
    private static final long FEW_MB_IN_KB = 8 * 1024;

    @Test
    void retainedHeapAfterVeryManyThreadsAndConnectionsIsThatOfAPlainRun() throws Exception {
        Fiberized runs = Fiberized.run("programs.ThreadsComeAndGo", "100000", "20000").sameOutput();
        assertThat(runs.fiberized().stdout()).contains("threads ran: 100000").contains("connections echoed: 20000");
        long plain = runs.plainNumber("retained KB:");
        long fiberized = runs.fiberizedNumber("retained KB:");
        assertThat(fiberized - plain).as("KB retained under the agent (%d) beyond a plain run (%d)", fiberized, plain)
                .isLessThan(FEW_MB_IN_KB);
        assertThat(runs.report().get("fibersStarted")).isGreaterThanOrEqualTo(120_000);
    }
}
