package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat in rounds: wait until all the load's clients are in the room, then, each round, send one line and
 * wait until the line of that round from every other client has come.
 *
 * <p>A round trip is one client's round: its line out, the other clients' lines of the same round in.
 * No client can get more than one round ahead of another (it needs everyone's line of its current round
 * first), so a line is either of the current round or of the next one, which is counted ahead. Joining
 * counts as round -1, ended by the welcome and join notices that make the room full. It takes at least
 * two clients.
 */
final class ChatExchange implements Exchange {

    private static final Pattern WELCOME = Pattern.compile("\\* you are \\S+, (\\d+) in the room.*");
    private static final Pattern JOINED = Pattern.compile("\\* \\S+ joined");
    private static final Pattern LEFT = Pattern.compile("\\* \\S+ left");
    private static final Pattern MESSAGE = Pattern.compile("[^ ]+: round (\\d+) .*");

    private final int clients;
    private final int size;
    private int inRoom = -1;
    private long round = -1;
    private int heard;
    private int heardAhead;

    /**
     * Chat as one of {@code clients} load clients, sending lines of {@code size} bytes.
     */
    ChatExchange(int clients, int size) {
        this.clients = clients;
        this.size = size;
    }

    @Override
    public ByteBuffer request() {
        if (round < 0) {
            return null;
        }
        String line = "round " + round + " ";
        line += "x".repeat(Math.max(0, size - line.length() - 1)) + "\n";
        return ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean answered(ByteBuffer input) throws IOException {
        while (!complete()) {
            String line = nextLine(input);
            if (line == null) {
                return false;
            }
            take(line);
        }
        round++;
        heard = heardAhead;
        heardAhead = 0;
        return true;
    }

    private boolean complete() {
        return round < 0 ? inRoom >= clients : heard == clients - 1;
    }

    private void take(String line) throws IOException {
        Matcher message = MESSAGE.matcher(line);
        if (message.matches()) {
            long of = Long.parseLong(message.group(1));
            if (of == round) {
                heard++;
            } else if (of == round + 1) {
                heardAhead++;
            } else {
                throw new IOException("a line of round " + of + " in round " + round + ": " + line);
            }
            return;
        }
        Matcher welcome = WELCOME.matcher(line);
        if (welcome.matches()) {
            inRoom = Integer.parseInt(welcome.group(1));
        } else if (JOINED.matcher(line).matches()) {
            inRoom++;
        } else if (LEFT.matcher(line).matches()) {
            throw new IOException("a client left the room during the load: " + line);
        } else {
            throw new IOException("unexpected line from the chat server: " + line);
        }
    }

    /**
     * Take one whole line (without its LF) from {@code input}, or return null if there is none yet.
     */
    private static String nextLine(ByteBuffer input) {
        for (int i = input.position(); i < input.limit(); i++) {
            if (input.get(i) == '\n') {
                byte[] line = new byte[i - input.position()];
                input.get(line);
                input.get();
                return new String(line, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
