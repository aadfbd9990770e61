package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String CLEAN = """
            Running 10s test @ http://127.0.0.1:41234/hello
              2 threads and 100 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.02ms  383.42us   9.45ms   80.57%
                Req/Sec    49.55k     3.20k   56.57k    72.00%
              Latency Distribution
                 50%  963.00us
                 75%    1.19ms
                 90%    1.42ms
                 99%    2.28ms
              986088 requests in 10.00s, 101.57MB read
            Requests/sec:  98598.37
            Transfer/sec:     10.16MB
            """;

    @Test
    void readsRequestsThroughputAndPercentiles() {
        WrkResult result = WrkResult.parse(CLEAN);
        assertThat(result.requests()).isEqualTo(986_088);
        assertThat(result.requestsPerSecond()).isEqualTo(98598.37);
        assertThat(result.p50Nanos()).isEqualTo(963_000);
        assertThat(result.p99Nanos()).isEqualTo(2_280_000);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void keepsTheErrorLinesAndReadsSeconds() {
        String withErrors = CLEAN.replace("     99%    2.28ms", "     99%    1.50s")
                .replace("  986088 requests", "  Socket errors: connect 0, read 2, write 0, timeout 7\n  "
                        + "Non-2xx or 3xx responses: 4\n  986088 requests");
        WrkResult result = WrkResult.parse(withErrors);
        assertThat(result.p99Nanos()).isEqualTo(1_500_000_000L);
        assertThat(result.errors())
                .isEqualTo("Socket errors: connect 0, read 2, write 0, timeout 7 Non-2xx or 3xx responses: 4");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> WrkResult.parse(CLEAN.replace("Requests/sec", "Reqs")))
                .hasMessageContaining("Requests/sec");
        assertThatThrownBy(() -> WrkResult.parse(CLEAN.replace("     99%", "     98%")))
                .hasMessageContaining("99%");
    }
}
