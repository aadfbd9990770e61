package io.fiberize.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Read a member's lines, blocking in between, and act on each: a command, or a message for the room.
 *
 * <p>The member joins the room when the reader starts and leaves it when the client quits, closes or
 * is disconnected; then the reader ends the member's output, so its writer finishes too.
 */
final class MemberReader implements Runnable {

    private final Member member;
    private final Room room;

    MemberReader(Member member, Room room) {
        this.member = member;
        this.room = room;
    }

    @Override
    public void run() {
        room.join(member);
        try {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(member.socket().getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            while (line != null && handle(line)) {
                line = in.readLine();
            }
        } catch (IOException e) {
            // The client reset, went away or was disconnected.
        } finally {
            room.leave(member);
            member.finish();
        }
    }

    /**
     * Act on one line; return false if the member quits.
     */
    private boolean handle(String line) {
        if (line.isBlank()) {
            return true;
        }
        if (!line.startsWith("/")) {
            room.say(member, line);
            return true;
        }
        String[] words = line.strip().split("\\s+", 2);
        switch (words[0]) {
            case "/nick" -> room.rename(member, words.length > 1 ? words[1] : "");
            case "/quit" -> {
                member.deliver("* bye");
                return false;
            }
            default -> member.deliver("* unknown command " + words[0] + "; the commands are /nick NAME and /quit");
        }
        return true;
    }
}
