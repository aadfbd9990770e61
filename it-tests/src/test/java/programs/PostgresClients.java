package programs;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N threads, each with a PostgreSQL JDBC connection of its own, run queries and a transaction that
 * sleeps 50 ms in the server while it holds a row lock.
 *
 * <p>Usage: {@code PostgresClients <jdbc url> <threads>}. Every thread connects and waits until all are
 * connected (so that N connections are open while the platform threads are counted), then checks a
 * computed query, and moves one unit from the shared pot to its own row in a transaction with
 * {@code pg_sleep(0.05)} inside. Prints what it counted.
 */
public final class PostgresClients {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        try (Connection setup = DriverManager.getConnection(url); Statement statement = setup.createStatement()) {
            statement.execute("drop table if exists accounts");
            statement.execute("create table accounts (id int primary key, balance int not null)");
            statement.execute("insert into accounts select g, 0 from generate_series(1, " + threads + ") g");
        }

        CountDownLatch connected = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger rightQueries = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            int id = i;
            Thread worker = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url)) {
                    connected.countDown();
                    go.await();
                    if (query(connection, id)) {
                        rightQueries.incrementAndGet();
                    }
                    transfer(connection, id);
                    committed.incrementAndGet();
                } catch (SQLException | InterruptedException e) {
                    System.out.println("client " + id + " failed: " + e);
                    connected.countDown();
                }
            }, "client-" + id);
            workers.add(worker);
            worker.start();
        }
        connected.await();
        int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        try (Connection check = DriverManager.getConnection(url); Statement statement = check.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(*) filter (where balance = 1), sum(balance) from accounts")) {
            rows.next();
            System.out.println("connections open at once: " + threads);
            System.out.println("right query results: " + rightQueries.get() + " of " + threads);
            System.out.println("committed transactions: " + committed.get() + " of " + threads);
            System.out.println("rows with balance 1: " + rows.getInt(1) + ", sum: " + rows.getLong(2));
        }
        System.err.println("platform threads with all connections open: " + platformThreads);
        System.err.println("queries and transactions took ms: " + millis);
    }

    private static boolean query(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select ?::int * 2, repeat('x', ?)")) {
            statement.setInt(1, id);
            statement.setInt(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == id * 2 && rows.getString(2).length() == id;
            }
        }
    }

    private static void transfer(Connection connection, int id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select balance from accounts where id = ? for update");
             PreparedStatement update = connection.prepareStatement("update accounts set balance = balance + 1 where id = ?");
             Statement sleep = connection.createStatement()) {
            lock.setInt(1, id);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
            }
            sleep.execute("select pg_sleep(0.05)");
            update.setInt(1, id);
            update.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}
