package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent opens JDK internals to its own runtime only, and opens no network port.
 */
class IsolationIT {
    @Test
    void applicationCodeStillCannotOpenTheJdkInternalsTheRuntimeUses() throws Exception {
        for (ForkedJvm jvm : List.of(ForkedJvm.jdk25(), ForkedJvm.jdk25().agent(null))) {
            try (ServerJvm program = jvm.start("programs.ReachesIntoJdk")) {
                assertThat(program.stop().stdout()).contains(
                        "java.lang.Thread.threadLocals: InaccessibleObjectException",
                        "sun.nio.ch.Net.poll: InaccessibleObjectException",
                        "jdk.internal.vm.Continuation.yield: InaccessibleObjectException");
            }
        }
    }

    @Test
    void theAgentListensOnNoPort() throws Exception {
        for (ForkedJvm jvm : List.of(ForkedJvm.jdk25(), ForkedJvm.jdk25().agent("log=info"))) {
            try (ServerJvm program = jvm.start("programs.ReachesIntoJdk")) {
                assertThat(program.listeningTcpSockets()).as("listening sockets").isEmpty();
            }
        }
    }
}
