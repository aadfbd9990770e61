package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lettuce, unmodified, in a shaded application jar against a real redis-server: 1,000 threads share one
 * connection through its synchronous API while Netty's native epoll loop, left a platform thread, completes
 * the futures they wait on.
 */
class LettuceIT {
    private static final int THREADS = 1000;
    private static final int ROUNDS = 20;
    private static final String LEFT_ALONE =
            "threads of io.netty.util.concurrent.FastThreadLocalThread (Netty) stay platform threads";

    @Test
    void thousandThreadsShareOneConnectionOnFewPlatformThreads() throws Exception {
        RedisServer.requireInstalled();
        Path jar = BuildOutputs.appJar("lettuce-client");
        try (RedisServer redis = RedisServer.start()) {
            Fiberized runs = Fiberized.runJar(jar, Integer.toString(redis.port()), Integer.toString(THREADS),
                    Integer.toString(ROUNDS)).sameOutput();
            assertThat(runs.fiberized().stdout()).isEqualTo("""
                    lettuce transport: EpollSocketChannel
                    threads: 1000, rounds: 20, commands: 60000
                    rounds right: 20000 of 20000, wrong: 0
                    sum of counters: 20000, keys in redis: 21000
                    all right
                    """);

            assertThat(runs.fiberized().agentLines()).anyMatch(line -> line.contains(LEFT_ALONE));
            // Netty's loop as a fiber would pin the carrier in epoll_wait: a stall, then a compensation.
            // (A machine short of CPU may still make the watchdog report a busy or starved loop.)
            assertThat(runs.fiberized().stderr()).as("watchdog reports").doesNotContain("epollWait");
            ExitReport report = runs.report();
            assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report)
                    .isZero();
            // main's worker threads; none of Netty's.
            assertThat(report.get("fibersStarted")).as("%s", report).isEqualTo(THREADS);

            long plainThreads = runs.plainNumber("peak platform threads:");
            long fiberizedThreads = runs.fiberizedNumber("peak platform threads:");
            assertThat(plainThreads).isGreaterThan(THREADS);
            assertThat(fiberizedThreads).isLessThan(30);
            long plainRate = runs.plainNumber("commands/s:");
            long fiberizedRate = runs.fiberizedNumber("commands/s:");
            System.out.printf("Lettuce: commands/s plainly %d, under the agent %d (%.2fx);"
                    + " peak platform threads %d and %d; %s%n", plainRate, fiberizedRate,
                    (double) fiberizedRate / plainRate, plainThreads, fiberizedThreads, report);
        }
    }
}
