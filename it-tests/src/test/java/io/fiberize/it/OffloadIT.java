package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Calls that would block a carrier run on the offload pool while the fiber parks.
 */
class OffloadIT {

    @Test
    void dnsLookupsOfAFiberRunOnTheOffloadPoolWithTheSameResults() throws Exception {
        Fiberized runs = Fiberized.run("programs.DnsLookups").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("localhost -> 127.0.0.1")
                .contains("no-such-host.invalid -> UnknownHostException");
        assertThat(runs.report().get("offloadCalls")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSlowPipeReadOfAFiberDoesNotStopTheOtherFibersAndFileIoStaysCorrect() throws Exception {
        Fiberized runs = Fiberized.run("programs.SlowReads").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("read from the pipe: hello")
                .contains("ticker kept ticking during the read: true")
                .contains("file now holds:\nline one\nline two\nline three\n");
        ExitReport report = runs.report();
        assertThat(report.get("offloadCalls")).isGreaterThanOrEqualTo(5);
        // Without the offload the watchdog would have seen the loop stuck in the pipe read.
        assertThat(report.get("stalls")).as("%s", report).isZero();
    }
}
