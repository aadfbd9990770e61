package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A NanoHTTPD app, unmodified, serves a file and a form to 1,000 concurrent {@code HttpURLConnection}
 * clients; NanoHTTPD's thread per connection and the clients' threads run on few platform threads.
 *
 * <p>No exit report is read: NanoHTTPD logs through {@code java.util.logging}, and once that is
 * initialized the agent's exit report, logged from a shutdown hook, is lost (see the README's
 * compatibility table). The sampled peak of platform threads, with 2,000 threads of the program
 * alive at once, is the evidence here.
 */
class NanoHttpdIT {
    private static final int CLIENTS = 1000;

    @Test
    void thousandClientsGetTheFileAndTheForm() throws Exception {
        Fiberized runs = Fiberized.runWithLibraries("programs.NanoHttpdApp", Integer.toString(CLIENTS)).sameOutput();
        assertThat(runs.fiberized().stdout()).contains("clients: 1000, right answers: 3000 of 3000, wrong: 0");

        assertThat(runs.plain().stderr()).containsPattern("peak platform threads: \\d{3,}");
        assertThat(runs.fiberizedNumber("peak platform threads:")).isLessThan(30);
    }
}
