package io.fiberize.samples.chat;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hold one client of the room: its socket, its nick, and its queue of lines waiting to be written.
 *
 * <p>Any thread may {@link #deliver} a line; only the member's {@link MemberWriter} takes them. A member
 * who falls {@link #MAX_QUEUED_LINES} lines behind is disconnected rather than let the queue grow
 * without bound; the room never waits for a slow member.
 */
final class Member {

    /** The most lines that may wait for a member's writer. */
    static final int MAX_QUEUED_LINES = 10_000;

    /** Tells the writer that no line follows; compared by identity. */
    private static final String END = new String("end of the member's output");

    private final Socket socket;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(MAX_QUEUED_LINES);
    private volatile String nick = "";

    Member(Socket socket) {
        this.socket = socket;
    }

    Socket socket() {
        return socket;
    }

    String nick() {
        return nick;
    }

    void nick(String newNick) {
        nick = newNick;
    }

    /**
     * Queue {@code line} for the client without waiting; disconnect the client if its queue is full.
     */
    void deliver(String line) {
        if (!outbox.offer(line)) {
            disconnect();
        }
    }

    /**
     * Queue the end of the output: the writer writes what is queued before it, then closes the connection.
     */
    void finish() {
        if (!outbox.offer(END)) {
            outbox.clear();
            outbox.offer(END);
        }
    }

    /**
     * Wait for the next line to write; return null once the output has ended.
     */
    String nextLine() throws InterruptedException {
        String line = outbox.take();
        return line == END ? null : line;
    }

    /**
     * Tell whether no line waits to be written.
     */
    boolean caughtUp() {
        return outbox.isEmpty();
    }

    /**
     * Close the connection now; the reader's blocked read fails and the member leaves the room.
     */
    void disconnect() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed either way.
        }
    }
}
