package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Jedis, unmodified, against a real redis-server: 1,000 threads SET and GET through a {@code JedisPool}
 * while 50 others wait in BLPOP, and the waiters do not hold up the rest.
 */
class JedisIT {
    private static final int THREADS = 1000;
    private static final int WAITERS = 50;

    @Test
    void thousandPooledClientsRunWhileBlpopWaitersBlock() throws Exception {
        RedisServer.requireInstalled();
        try (RedisServer redis = RedisServer.start()) {
            Fiberized runs = Fiberized.runWithLibraries("programs.JedisClients", Integer.toString(redis.port()),
                    Integer.toString(THREADS), Integer.toString(WAITERS)).sameOutput();
            assertThat(runs.fiberized().stdout()).contains(
                    "get/set threads: 1000, right: 20000 of 20000, wrong: 0",
                    "blpop waiters still blocked when the get/set threads finished: 50 of 50",
                    "blpop waiters that got their value: 50 of 50");

            assertThat(runs.fiberizedNumber("platform threads with all threads started:")).isLessThan(30);
            ExitReport report = runs.report();
            assertThat(report.get("fibersStarted")).isGreaterThanOrEqualTo(THREADS + WAITERS);
            assertThat(report.get("jdkHelperResumes")).as("resumes from JDK pollers or unparkers: %s", report)
                    .isZero();
        }
    }
}
