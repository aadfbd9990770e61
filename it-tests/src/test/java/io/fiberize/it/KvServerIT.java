package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample key-value server gives memcached's replies to raw commands and serves spymemcached from
 * 200 threads the same way plainly and under the agent, and under the agent holds their 200
 * connections on a handful of OS threads.
 */
class KvServerIT {

    private static final String MAIN = "io.fiberize.samples.kv.KvServer";
    private static final int CLIENTS = 200;
    private static final int INCREMENTS_PER_CLIENT = 10;

    private static SampleServers servers;

    @BeforeAll
    static void startServers() throws Exception {
        // spymemcached logs through java.util.logging instead of its own stderr logger, and only warnings.
        System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SunLogger");
        Logger.getLogger("net.spy.memcached").setLevel(Level.WARNING);
        servers = SampleServers.start(MAIN, "--port", "0");
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            ExitReport report = servers.stop();
            assertThat(report.get("fibersStarted")).as("connection threads that were fibers: %s", report)
                    .isGreaterThanOrEqualTo(CLIENTS);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void rawCommandsGetMemcachedsReplies(RunMode mode) throws Exception {
        String replies = RawConnection.talk(servers.get(mode).port(), """
                set raw:a 5 0 3\r
                abc\r
                get raw:a raw:missing\r
                set raw:n 0 0 2\r
                10\r
                incr raw:n 5\r
                decr raw:n 100\r
                incr raw:a 1\r
                incr raw:n x\r
                incr raw:n 18446744073709551615\r
                incr raw:missing 1\r
                delete raw:a\r
                delete raw:a\r
                bogus\r
                get\r
                set raw:quiet 0 0 2 noreply\r
                xy\r
                delete raw:quiet noreply\r
                get raw:quiet\r
                set raw:chunk 0 0 2\r
                xyz\r
                set raw:big 0 0 1048577\r
                """ + "z".repeat(1048577) + """
                \r
                set raw:gone 0 -1 1\r
                g\r
                get raw:gone\r
                set raw:bad x 0 1\r
                b\r
                set raw:binary 4294967295 0 4\r
                \0\r
                \377\r
                get raw:binary\r
                quit\r
                """);

        assertThat(replies).isEqualTo("""
                STORED\r
                VALUE raw:a 5 3\r
                abc\r
                END\r
                STORED\r
                15\r
                0\r
                CLIENT_ERROR cannot increment or decrement non-numeric value\r
                CLIENT_ERROR invalid numeric delta argument\r
                18446744073709551615\r
                NOT_FOUND\r
                DELETED\r
                NOT_FOUND\r
                ERROR\r
                ERROR\r
                END\r
                CLIENT_ERROR bad data chunk\r
                ERROR\r
                SERVER_ERROR object too large for cache\r
                STORED\r
                END\r
                CLIENT_ERROR bad command line format\r
                STORED\r
                VALUE raw:binary 4294967295 4\r
                \0\r
                \377\r
                END\r
                """);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void spymemcachedFrom200ThreadsSetsGetsIncrementsAndDeletes(RunMode mode) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", servers.get(mode).port());
        MemcachedClient setup = client(address);
        assertThat(setup.set("counter", 0, "0").get(10, TimeUnit.SECONDS)).isTrue();

        CountDownLatch connected = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(CLIENTS);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().name("memcached-client-" + i).start(() -> {
                try {
                    useTheServer(address, id, connected, go, read);
                } catch (Throwable e) {
                    failures.add(e);
                    connected.countDown();
                    read.countDown();
                }
            }));
        }
        assertThat(connected.await(60, TimeUnit.SECONDS)).as("all clients connected").isTrue();
        List<String> osThreads = servers.get(mode).osThreads();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).as("what went wrong in the client threads").isEmpty();
        mode.assertOsThreads(osThreads, CLIENTS);
        assertThat(setup.get("counter")).as("the shared counter, incremented by every client")
                .isEqualTo(Integer.toString(CLIENTS * INCREMENTS_PER_CLIENT));
        setup.shutdown();
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void badArgumentsAreRefusedInOneLineWithStatus2(RunMode mode) throws Exception {
        ForkedJvm.Result bad = mode.jvm().run(MAIN, "--port", "99999");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(2);
        assertThat(bad.programErrors()).containsExactly(
                "kv-server: invalid --port '99999': expected a number from 0 to 65535; try --help");

        ForkedJvm.Result help = mode.jvm().run(MAIN, "--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.stdout()).startsWith("Usage: KvServer [--port N]\n");
    }

    /**
     * Set this client's key, wait until every client has, then read it and a neighbour's, increment the
     * shared counter, and once every client has read, delete the key again.
     */
    private static void useTheServer(InetSocketAddress address, int id, CountDownLatch connected, CountDownLatch go,
            CountDownLatch read) throws Exception {
        MemcachedClient client = client(address);
        try {
            String key = "key:" + id;
            String neighbour = "key:" + (id + 1) % CLIENTS;
            assertThat(client.set(key, 0, "value " + id).get(10, TimeUnit.SECONDS)).isTrue();
            connected.countDown();
            assertThat(go.await(60, TimeUnit.SECONDS)).isTrue();

            assertThat(client.get(key)).isEqualTo("value " + id);
            Map<String, Object> both = client.getBulk(key, neighbour, "key:none");
            assertThat(both).containsOnlyKeys(key, neighbour);
            assertThat(both.get(neighbour)).isEqualTo("value " + (id + 1) % CLIENTS);
            read.countDown();
            long last = 0;
            for (int i = 0; i < INCREMENTS_PER_CLIENT; i++) {
                long now = client.incr("counter", 1);
                assertThat(now).isGreaterThan(last);
                last = now;
            }
            assertThat(client.incr("key:none", 1)).as("incr of a missing key").isEqualTo(-1);
            assertThat(read.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(client.delete(key).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.get(key)).isNull();
        } finally {
            client.shutdown();
        }
    }

    private static MemcachedClient client(InetSocketAddress address) throws Exception {
        return new MemcachedClient(new ConnectionFactoryBuilder()
                .setProtocol(ConnectionFactoryBuilder.Protocol.TEXT)
                .setOpTimeout(10_000)
                .setDaemon(true)
                .build(), List.of(address));
    }
}
