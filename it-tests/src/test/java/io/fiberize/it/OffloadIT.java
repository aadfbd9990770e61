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
}
