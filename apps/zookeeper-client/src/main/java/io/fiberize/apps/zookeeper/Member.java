package io.fiberize.apps.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One member's session, on its own thread: an ephemeral node, data watches on its neighbour's node, a child
 * watch on the group, and the end of its session seen by others.
 *
 * <p>Member {@code i} creates the ephemeral node {@code member-i} and watches the data of member {@code i + 1}
 * (the last one watches the first). In each round every member sets its own data (checking the version it
 * read) and must get the watch event of its neighbour's change, read the neighbour's new data and set the
 * next watch. Then it lists the group with a child watch. The odd members close their sessions; each even
 * member watched its odd neighbour's node and must see it deleted, must get its child watch event, and must
 * list only the even members; once every even member has, they close their sessions.
 */
final class Member implements Runnable {
    private final ZooKeeperSessions.Group group;
    private final int index;
    private final ZooKeeperSessions.Tally tally;

    Member(ZooKeeperSessions.Group group, int index, ZooKeeperSessions.Tally tally) {
        this.group = group;
        this.index = index;
        this.tally = tally;
    }

    @Override
    public void run() {
        try {
            work();
        } catch (Exception e) {
            tally.failures.add(group.name(index) + ": " + e);
        }
    }

    private void work() throws Exception {
        int neighbour = (index + 1) % group.size;
        String neighbourPath = group.path(neighbour);
        try (ZooKeeper zooKeeper = ZooKeeperSessions.Sessions.connect(group.connectString)) {
            tally.connected.incrementAndGet();
            zooKeeper.create(group.path(index), data(index, 0), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            operation();
            tally.created.incrementAndGet();
            group.await();

            Events dataEvents = new Events();
            expect(zooKeeper.getData(neighbourPath, dataEvents, null), data(neighbour, 0), "first data");
            operation();
            for (int round = 1; round <= group.rounds; round++) {
                group.await();
                Stat stat = zooKeeper.setData(group.path(index), data(index, round), round - 1);
                operation();
                expect(stat.getVersion() == round, "version " + round + " after round " + round + ": " + stat);
                WatchedEvent event = dataEvents.next();
                byte[] seen = zooKeeper.getData(neighbourPath, round < group.rounds ? dataEvents : null, null);
                operation();
                expect(event.getType() == EventType.NodeDataChanged && neighbourPath.equals(event.getPath()),
                        "data watch event in round " + round + ": " + event);
                expect(seen, data(neighbour, round), "data in round " + round);
                tally.dataWatches.incrementAndGet();
            }

            Events childEvents = new Events();
            List<String> children = zooKeeper.getChildren(group.membersPath, childEvents);
            operation();
            expect(sorted(children).equals(names(IntStream.range(0, group.size))), "all members: " + children);
            tally.fullLists.incrementAndGet();

            boolean watchesLeaver = index % 2 == 0 && index + 1 < group.size;
            Events deletionEvents = new Events();
            if (watchesLeaver) {
                expect(zooKeeper.exists(neighbourPath, deletionEvents) != null, "neighbour's node before it leaves");
                operation();
            }
            group.settled.countDown();
            group.await();
            ZooKeeperSessions.Sessions.await(group.observerWatching);

            if (index % 2 == 1) {
                zooKeeper.close();
                operation();
                tally.oddClosed.incrementAndGet();
                group.oddClosed.countDown();
                return;
            }
            ZooKeeperSessions.Sessions.await(group.oddClosed);
            if (watchesLeaver) {
                WatchedEvent deleted = deletionEvents.next();
                expect(deleted.getType() == EventType.NodeDeleted && neighbourPath.equals(deleted.getPath()),
                        "deletion of the odd neighbour's node: " + deleted);
                tally.neighbourDeletions.incrementAndGet();
            }
            WatchedEvent childrenChanged = childEvents.next();
            expect(childrenChanged.getType() == EventType.NodeChildrenChanged
                    && group.membersPath.equals(childrenChanged.getPath()), "child watch: " + childrenChanged);
            tally.childWatches.incrementAndGet();
            List<String> left = zooKeeper.getChildren(group.membersPath, false);
            operation();
            expect(sorted(left).equals(names(IntStream.range(0, group.size).filter(i -> i % 2 == 0))),
                    "even members: " + left);
            tally.evenLists.incrementAndGet();
            group.evenListed.countDown();
            ZooKeeperSessions.Sessions.await(group.evenListed);
            zooKeeper.close();
            operation();
        }
    }

    private void operation() {
        tally.operations.incrementAndGet();
    }

    private List<String> names(IntStream members) {
        return sorted(members.mapToObj(group::name).toList());
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static byte[] data(int member, int round) {
        return ("member-" + member + " round " + round).getBytes(StandardCharsets.UTF_8);
    }

    private static void expect(byte[] seen, byte[] expected, String what) {
        if (!Arrays.equals(seen, expected)) {
            throw new IllegalStateException("wrong " + what + ": " + new String(seen, StandardCharsets.UTF_8)
                    + " instead of " + new String(expected, StandardCharsets.UTF_8));
        }
    }

    private static void expect(boolean right, String what) {
        if (!right) {
            throw new IllegalStateException("wrong " + what);
        }
    }
}
