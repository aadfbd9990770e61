package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Name the two ways every sample server is run: plainly, and under the agent.
 */
enum RunMode {
    PLAIN,
    FIBERIZED;

    /** Fewer OS threads than this in a fiberized server mean its connections are not on threads of their own. */
    static final int FEW_OS_THREADS = 50;

    /** The agent's default bound on its offload pool ({@code offload=}). */
    static final int OFFLOAD_THREADS = 64;

    /** How Linux shows the offload pool's thread names, cut to 15 characters. */
    private static final String OFFLOAD_THREAD = "fiberize-offloa";

    /**
     * Prepare a JVM of the samples' class path, with {@code -javaagent:fiberize.jar=log=info} if fiberized
     * (the agent's exit report, which {@link SampleServers#stop} returns, needs {@code log=info}).
     */
    ForkedJvm jvm() {
        ForkedJvm jvm = ForkedJvm.jdk25().classPath(BuildOutputs.samplesClassPath());
        return this == FIBERIZED ? jvm.agent("log=info") : jvm;
    }

    /**
     * Assert what a server's OS threads say while {@code connections} clients are connected: at least one
     * thread per connection when plain; when fiberized, fewer than {@link #FEW_OS_THREADS} besides the
     * offload pool's, which are counted apart because the pool may keep up to its bound for a while after
     * a burst of file reads (loading classes at the first requests is one).
     */
    void assertOsThreads(List<String> threads, int connections) {
        if (this == PLAIN) {
            assertThat(threads).as("OS threads of the plain server with %d connections open", connections)
                    .hasSizeGreaterThanOrEqualTo(connections);
            return;
        }
        List<String> offload = threads.stream().filter(name -> name.equals(OFFLOAD_THREAD)).toList();
        assertThat(threads.size() - offload.size())
                .as("OS threads of the fiberized server with %d connections open, besides the offload pool's: %s",
                        connections, threads)
                .isLessThan(FEW_OS_THREADS);
        assertThat(offload).as("offload pool threads").hasSizeLessThanOrEqualTo(OFFLOAD_THREADS);
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
