package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run each demo at a small scale and check that its summary reports every figure for both servers.
 */
class DemoIT {

    private static final int CONNECTIONS = 100;

    @ParameterizedTest
    @ValueSource(strings = {"echo", "http", "kv", "chat"})
    void summaryReportsEveryFigureForBothServers(String demo) throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25()
                .classPath(BuildOutputs.samplesClassPath())
                .run("io.fiberize.samples.demo.Demo", demo, "--agent", BuildOutputs.agentJar().toString(),
                        "--connections", Integer.toString(CONNECTIONS), "--warmup", "0s", "--duration", "1s");

        assertThat(result.exitCode()).as("%s", result).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as("%s", result)
                .anyMatch(line -> line.matches("\\s+with fiberize\\s+without fiberize"));
        assertThat(row(lines, "connections", "(\\d+)")).containsExactly("100", "100");
        List<String> threads = row(lines, "server OS threads \\(peak\\)", "(\\d+)");
        assertThat(Integer.parseInt(threads.get(1)))
                .as("OS threads of the server without the agent: one per connection and more")
                .isGreaterThan(CONNECTIONS);
        assertThat(row(lines, "round trips/s", "([\\d,]+)"))
                .allSatisfy(rate -> assertThat(Long.parseLong(rate.replace(",", ""))).isPositive());
        assertThat(row(lines, "latency p50", "(\\d+\\.\\d\\d) ms")).hasSize(2);
        assertThat(row(lines, "latency p99", "(\\d+\\.\\d\\d) ms")).hasSize(2);
        assertThat(row(lines, "server RSS \\(peak\\)", "(\\d+) MB"))
                .allSatisfy(megabytes -> assertThat(Integer.parseInt(megabytes)).isPositive());
    }

    /**
     * Find the summary row named {@code label} and return its two values, each read with {@code value}.
     */
    private static List<String> row(List<String> lines, String label, String value) {
        Pattern row = Pattern.compile(label + "\\s+" + value + "\\s+" + value);
        for (String line : lines) {
            Matcher matcher = row.matcher(line);
            if (matcher.matches()) {
                return List.of(matcher.group(1), matcher.group(2));
            }
        }
        throw new AssertionError("no row '" + label + "' with two values in:\n" + String.join("\n", lines));
    }
}
