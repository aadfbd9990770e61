package io.fiberize.apps.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Run many ZooKeeper sessions, each on a plain thread of its own, that meet through ephemeral nodes and
 * watches, and print what every session checked.
 *
 * <p>Usage: {@code java -jar zookeeper-client.jar <port> [sessions] [rounds]} (200 sessions, 20 rounds unless
 * given), against a ZooKeeper server on the loopback address. Every session is a classic {@link ZooKeeper}
 * client with its own SendThread and EventThread. The sessions work under a fresh sequential node, so the
 * program can run again against the same server; see {@link Member} for what each session does, while one
 * more session, the observer, watches every member's node and must see it deleted when its session closes.
 *
 * <p>Standard output carries the counts only, the same on every run that goes right; standard error carries
 * {@code operations per second:} and {@code peak live threads:} (the JVM's platform threads, sampled) and the
 * failures, whose presence makes the exit status 1.
 */
public final class ZooKeeperSessions {
    private static final int DEFAULT_SESSIONS = 200;
    private static final int DEFAULT_ROUNDS = 20;

    private ZooKeeperSessions() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java -jar zookeeper-client.jar <port> [sessions] [rounds]");
            System.exit(2);
        }
        String connectString = "127.0.0.1:" + Integer.parseInt(args[0]);
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SESSIONS;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ROUNDS;

        PeakThreads peakThreads = PeakThreads.start();
        long startNanos = System.nanoTime();
        Tally tally = new Tally();
        int observerDeletions;
        int childrenLeft;
        try (ZooKeeper observer = Sessions.connect(connectString)) {
            String root = observer.create("/fiberize-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL);
            String membersPath = observer.create(root + "/members", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            tally.operations.addAndGet(2);
            Group group = new Group(connectString, membersPath, sessions, rounds);

            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Thread thread = new Thread(new Member(group, i, tally), "member-" + i);
                threads.add(thread);
                thread.start();
            }

            Deletions deletions = new Deletions(sessions);
            Sessions.await(group.settled);
            for (int i = 0; i < sessions; i++) {
                if (observer.exists(group.path(i), deletions) == null) {
                    tally.failures.add("observer: no node " + group.path(i));
                }
                tally.operations.incrementAndGet();
            }
            group.observerWatching.countDown();

            for (Thread thread : threads) {
                thread.join();
            }
            deletions.all.await(Sessions.WAIT_SECONDS, TimeUnit.SECONDS);
            observerDeletions = deletions.seen.get();
            childrenLeft = observer.getChildren(membersPath, false).size();
            observer.delete(membersPath, -1);
            observer.delete(root, -1);
            tally.operations.addAndGet(3);
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        int peak = peakThreads.stop();

        int odd = sessions / 2;
        int even = sessions - odd;
        System.out.println("sessions: " + sessions + ", rounds: " + rounds);
        System.out.println("sessions connected: " + tally.connected + " of " + sessions);
        System.out.println("ephemeral nodes created: " + tally.created + " of " + sessions);
        System.out.println("data watches that fired with the neighbour's new data: " + tally.dataWatches + " of "
                + sessions * rounds);
        System.out.println("children lists with every member: " + tally.fullLists + " of " + sessions);
        System.out.println("odd sessions closed: " + tally.oddClosed + " of " + odd);
        System.out.println("their nodes' deletions seen by the even neighbour: " + tally.neighbourDeletions
                + " of " + odd);
        System.out.println("child watches fired on the even sessions: " + tally.childWatches + " of " + even);
        System.out.println("children lists with only the even members: " + tally.evenLists + " of " + even);
        System.out.println("deletions seen by the observer session: " + observerDeletions + " of " + sessions);
        System.out.println("children left after every session closed: " + childrenLeft);
        System.out.println("operations: " + tally.operations);
        System.out.println("failures: " + tally.failures.size());

        System.err.println("operations per second: "
                + tally.operations.get() * TimeUnit.SECONDS.toNanos(1) / elapsedNanos);
        System.err.println("peak live threads: " + peak);
        tally.failures.forEach(System.err::println);
        if (!tally.failures.isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * What the member sessions share: where their nodes are, how many they are, and the points where they
     * wait for each other.
     */
    static final class Group {
        final String connectString;
        final String membersPath;
        final int size;
        final int rounds;
        /** Trips once per step that needs every member's previous step done (every watch set first). */
        final CyclicBarrier barrier;
        /** Opens once no member changes its node's data any more, which would fire the observer's watches. */
        final CountDownLatch settled;
        final CountDownLatch observerWatching = new CountDownLatch(1);
        final CountDownLatch oddClosed;
        final CountDownLatch evenListed;

        Group(String connectString, String membersPath, int size, int rounds) {
            this.connectString = connectString;
            this.membersPath = membersPath;
            this.size = size;
            this.rounds = rounds;
            this.barrier = new CyclicBarrier(size);
            this.settled = new CountDownLatch(size);
            this.oddClosed = new CountDownLatch(size / 2);
            this.evenListed = new CountDownLatch(size - size / 2);
        }

        String name(int member) {
            return "member-" + member;
        }

        String path(int member) {
            return membersPath + "/" + name(member);
        }

        void await() throws Exception {
            barrier.await(Sessions.WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * The counts of what went right, the operations done, and a line for each failure.
     */
    static final class Tally {
        final AtomicInteger connected = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger dataWatches = new AtomicInteger();
        final AtomicInteger fullLists = new AtomicInteger();
        final AtomicInteger oddClosed = new AtomicInteger();
        final AtomicInteger neighbourDeletions = new AtomicInteger();
        final AtomicInteger childWatches = new AtomicInteger();
        final AtomicInteger evenLists = new AtomicInteger();
        final AtomicLong operations = new AtomicLong();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
    }

    /**
     * Count the observer's NodeDeleted events.
     */
    static final class Deletions implements Watcher {
        final AtomicInteger seen = new AtomicInteger();
        final CountDownLatch all;

        Deletions(int expected) {
            all = new CountDownLatch(expected);
        }

        @Override
        public void process(WatchedEvent event) {
            if (event.getType() == Event.EventType.NodeDeleted) {
                seen.incrementAndGet();
                all.countDown();
            }
        }
    }

    /**
     * Helpers for connecting a session and waiting with a bound.
     */
    static final class Sessions {
        static final int SESSION_TIMEOUT_MILLIS = 30_000;
        static final long WAIT_SECONDS = 30;

        private Sessions() {
        }

        /** Open a session and wait until the server has established it. */
        static ZooKeeper connect(String connectString) throws Exception {
            Events events = new Events();
            ZooKeeper zooKeeper = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, events);
            events.awaitConnected();
            return zooKeeper;
        }

        static void await(CountDownLatch latch) throws Exception {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException("waited " + WAIT_SECONDS + " s for " + latch);
            }
        }
    }
}
