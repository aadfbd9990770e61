package io.fiberize.apps.mariadb;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work a real MariaDB server from many application threads, each with a connection of its own (MariaDB
 * Connector/J), on rows of its own, and check every answer.
 *
 * <p>Usage: {@code java -jar mariadb-client.jar <jdbc url> [threads, 200] [rounds, 20]}. Each thread
 * ({@code new Thread}) opens its connection, waits until every thread has one, then per round, with
 * prepared statements: inserts a row, reads it back, adds to its balance in a committed transaction that
 * reads it again under {@code FOR UPDATE}, overwrites it in a transaction it rolls back, and reads it once
 * more. Standard output gets the counts and the table's totals (the same on every run); standard error the
 * statements per second and the peak number of live platform threads.
 */
public final class MariaDbClient {

    private static final int STATEMENTS_PER_ROUND = 7;

    private MariaDbClient() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS accounts");
            statement.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(64) NOT NULL,"
                    + " balance BIGINT NOT NULL) ENGINE=InnoDB");
        }

        AtomicLong statements = new AtomicLong();
        AtomicLong right = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch connected = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int thread = i;
            Thread worker = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url)) {
                    connected.countDown();
                    go.await();
                    for (int round = 0; round < rounds; round++) {
                        boolean ok = round(connection, thread * rounds + round, round);
                        statements.addAndGet(STATEMENTS_PER_ROUND);
                        (ok ? right : wrong).incrementAndGet();
                    }
                } catch (SQLException | InterruptedException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    connected.countDown();
                }
            }, "worker-" + i);
            workers.add(worker);
            worker.start();
        }
        connected.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("a worker failed", failure.get());
        }

        long rows;
        long sum;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet totals = statement.executeQuery("SELECT COUNT(*), SUM(balance) FROM accounts")) {
            totals.next();
            rows = totals.getLong(1);
            sum = totals.getLong(2);
        }
        long expectedRows = (long) threads * rounds;
        long expectedSum = expectedRows * (expectedRows - 1) / 2 + threads * ((long) rounds * (rounds - 1) / 2);

        System.out.println("threads: " + threads + ", rounds: " + rounds + ", statements: " + statements.get());
        System.out.println("rounds right: " + right.get() + " of " + expectedRows + ", wrong: " + wrong.get());
        System.out.println("rows: " + rows + ", sum of balances: " + sum);
        if (wrong.get() == 0 && rows == expectedRows && sum == expectedSum) {
            System.out.println("all right");
        }
        System.err.println("statements/s: " + statements.get() * 1_000_000_000L / elapsed);
        System.err.println("peak platform threads: " + ManagementFactory.getThreadMXBean().getPeakThreadCount());
    }

    /**
     * Run one round on row {@code id}, which starts with balance {@code round} and ends with {@code round +
     * id}; tell whether every answer was the one expected.
     */
    private static boolean round(Connection connection, int id, int round) throws SQLException {
        String owner = "owner-" + id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO accounts (id, owner, balance) VALUES (?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, owner);
            insert.setLong(3, round);
            if (insert.executeUpdate() != 1) {
                return false;
            }
        }
        boolean ok = owner.equals(owner(connection, id)) && balance(connection, id, false) == round;

        connection.setAutoCommit(false);
        try (PreparedStatement add = connection.prepareStatement(
                "UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
            add.setLong(1, id);
            add.setInt(2, id);
            ok &= add.executeUpdate() == 1;
            ok &= balance(connection, id, true) == round + id;
            connection.commit();

            add.setLong(1, 1_000_000);
            ok &= add.executeUpdate() == 1;
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
        return ok & balance(connection, id, false) == round + id;
    }

    private static String owner(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT owner FROM accounts WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long balance(Connection connection, int id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT balance FROM accounts WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }
}
