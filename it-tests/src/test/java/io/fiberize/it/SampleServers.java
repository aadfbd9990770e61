package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Run one sample server twice at once, plainly and under the agent, for tests that drive both the same way.
 */
final class SampleServers {

    private final Map<RunMode, ServerJvm> servers;

    private SampleServers(Map<RunMode, ServerJvm> servers) {
        this.servers = servers;
    }

    /**
     * Start {@code mainClass} with {@code args} (which should include {@code --port 0}) in each mode.
     */
    static SampleServers start(String mainClass, String... args) throws IOException, InterruptedException {
        Map<RunMode, ServerJvm> servers = new EnumMap<>(RunMode.class);
        try {
            for (RunMode mode : RunMode.values()) {
                servers.put(mode, mode.jvm().start(mainClass, args));
            }
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            for (ServerJvm server : servers.values()) {
                server.stop();
            }
            throw e;
        }
        return new SampleServers(servers);
    }

    /**
     * Return the server run in {@code mode}.
     */
    ServerJvm get(RunMode mode) {
        return servers.get(mode);
    }

    /**
     * Stop both servers; assert that each ended on SIGTERM having written nothing to standard error
     * itself, and that the agent rewrote what it tried to. Return the fiberized server's exit report.
     */
    ExitReport stop() throws IOException, InterruptedException {
        for (ServerJvm server : servers.values()) {
            server.stop();
        }
        for (RunMode mode : RunMode.values()) {
            ForkedJvm.Result result = servers.get(mode).stop();
            assertThat(result.exitCode()).as("%s server's exit status on SIGTERM: %s", mode, result).isEqualTo(143);
            assertThat(result.programErrors()).as("what the %s server wrote to standard error: %s", mode, result)
                    .isEmpty();
        }
        return ExitReport.of(servers.get(RunMode.FIBERIZED).stop());
    }
}
