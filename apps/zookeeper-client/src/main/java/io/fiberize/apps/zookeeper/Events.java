package io.fiberize.apps.zookeeper;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * Keep the events ZooKeeper delivers to one watcher, in order, for the session's thread to take one by one.
 *
 * <p>ZooKeeper calls {@link #process} on the session's EventThread; the session's own thread waits in
 * {@link #next}.
 */
final class Events implements Watcher {
    private final BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchedEvent event) {
        events.add(event);
    }

    /**
     * Take the next event, waiting for it at most {@link ZooKeeperSessions.Sessions#WAIT_SECONDS}.
     */
    WatchedEvent next() throws InterruptedException, TimeoutException {
        WatchedEvent event = events.poll(ZooKeeperSessions.Sessions.WAIT_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
            throw new TimeoutException("no watch event within " + ZooKeeperSessions.Sessions.WAIT_SECONDS + " s");
        }
        return event;
    }

    /**
     * Wait until the session is connected: its first event is SyncConnected, or the connection failed.
     */
    void awaitConnected() throws InterruptedException, TimeoutException {
        WatchedEvent event = next();
        if (event.getState() != Event.KeeperState.SyncConnected) {
            throw new IllegalStateException("session not connected: " + event);
        }
    }
}
