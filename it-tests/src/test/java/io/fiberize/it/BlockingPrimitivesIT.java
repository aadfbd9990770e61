package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A thousand threads blocking in every classic way run as fibers on one loop with the same
 * results as platform threads.
 */
class BlockingPrimitivesIT {

    @Test
    void aThousandThreadsSleepLockWaitAndQueueOnOneCarrier() throws Exception {
        Fiberized runs = Fiberized.run("programs.BlockingPrimitives", "1000").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("monitor: 1000, wakeups 1000")
                .contains("lock: 1000, write lock: 1000, stamped: 1000")
                .contains("timed polls that timed out: 1000")
                .contains("queue items consumed: 1000");
        assertThat(runs.fiberizedNumber("platform threads at the barrier:")).isLessThan(30);
        assertThat(runs.report().get("fibersStarted")).isEqualTo(1001);
    }

    @Test
    void threadPoolsWithTheDefaultFactoryRunOnFibers() throws Exception {
        Fiberized runs = Fiberized.run("programs.ThreadPools", "1000").sameOutput();
        assertThat(runs.fiberized().stdout()).contains("scheduled ran").doesNotContain("terminated: false");
        assertThat(runs.fiberizedNumber("peak platform threads:")).isLessThan(30);
        assertThat(runs.report().get("fibersStarted")).isGreaterThan(250);
    }
}
