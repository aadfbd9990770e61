package io.fiberize.samples.chat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Write a member's queued lines to its connection, blocking on the queue in between, until its output ends.
 */
final class MemberWriter implements Runnable {

    private final Member member;

    MemberWriter(Member member) {
        this.member = member;
    }

    @Override
    public void run() {
        try {
            Writer out = new BufferedWriter(
                    new OutputStreamWriter(member.socket().getOutputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = member.nextLine()) != null) {
                out.write(line);
                out.write('\n');
                if (member.caughtUp()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // The client went away or the thread was told to stop: nothing more to write.
        } finally {
            member.disconnect();
        }
    }
}
