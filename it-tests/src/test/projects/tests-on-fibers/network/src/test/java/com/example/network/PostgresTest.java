package com.example.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Sixty threads, a PostgreSQL connection each, query the server of {@code -Dpostgres.url} at once; with
 * every connection open the JVM has few more platform threads than before.
 */
class PostgresTest {

    private static final int THREADS = 60;

    @Test
    void sixtyConnectionsQueryOnFibers() throws Exception {
        String url = System.getProperty("postgres.url");
        assertNotNull(url, "-Dpostgres.url=jdbc:postgresql://...");
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        CyclicBarrier allConnected = new CyclicBarrier(THREADS,
                () -> added.set(ManagementFactory.getThreadMXBean().getThreadCount() - before));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url);
                     PreparedStatement query = connection.prepareStatement("select ? * 2 from pg_sleep(0.1)")) {
                    allConnected.await();
                    query.setInt(1, n);
                    try (ResultSet result = query.executeQuery()) {
                        if (result.next() && result.getInt(1) == n * 2) {
                            answered.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(THREADS, answered.get());
        assertTrue(added.get() < 10, "platform threads added by " + THREADS + " connections: " + added);
    }
}
