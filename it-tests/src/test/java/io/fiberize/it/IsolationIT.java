package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The agent opens JDK internals to its own runtime only, and opens no network port.
 */
class IsolationIT {
    private static final String TCP_LISTEN = "0A";

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
                assertThat(listeningSockets(program.pid())).as("listening sockets").isZero();
            }
        }
    }

    /**
     * Count the TCP sockets in LISTEN state that process {@code pid} holds: its socket inodes (from
     * {@code /proc/<pid>/fd}) that {@code /proc/<pid>/net/tcp} and {@code tcp6} list as listening.
     */
    private static int listeningSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor was closed while we listed the others.
                }
            }
        }
        int listening = 0;
        for (String table : List.of("tcp", "tcp6")) {
            List<String> rows = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            for (String row : rows.subList(1, rows.size())) {
                String[] fields = row.trim().split("\\s+");
                if (fields[3].equals(TCP_LISTEN) && inodes.contains(fields[9])) {
                    listening++;
                }
            }
        }
        return listening;
    }
}
