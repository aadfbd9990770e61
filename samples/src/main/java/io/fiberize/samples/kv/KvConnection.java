package io.fiberize.samples.kv;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run the commands of one connection in turn, blocking on each read, until it closes or says {@code quit}.
 *
 * <p>The commands, each a line ending in CRLF (a bare LF is accepted), and their replies:
 * <ul>
 * <li>{@code get <key>*}: {@code VALUE <key> <flags> <bytes>} and the data, for each key found; then {@code END}
 * <li>{@code set <key> <flags> <exptime> <bytes> [noreply]}, then the data and CRLF: {@code STORED}
 * <li>{@code delete <key> [noreply]}: {@code DELETED} or {@code NOT_FOUND}
 * <li>{@code incr <key> <delta> [noreply]}: the new value, or {@code NOT_FOUND}
 * <li>{@code decr <key> <delta> [noreply]}: the new value (never below 0), or {@code NOT_FOUND}
 * <li>{@code quit}: the connection closes
 * </ul>
 * An unknown command gets {@code ERROR}; a malformed one {@code CLIENT_ERROR <why>}; a value over
 * {@link #MAX_VALUE_BYTES} {@code SERVER_ERROR object too large for cache}. With {@code noreply} there
 * is no reply at all, errors included, as in memcached.
 */
final class KvConnection implements Runnable {

    static final int MAX_KEY_BYTES = 250;
    static final int MAX_VALUE_BYTES = 1 << 20;
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final String BAD_FORMAT = "bad command line format";

    private final Socket socket;
    private final Store store;
    private InputStream in;
    private OutputStream out;
    private boolean noreply;

    KvConnection(Socket socket, Store store) {
        this.socket = socket;
        this.store = store;
    }

    @Override
    public void run() {
        try (Socket connection = socket) {
            out = new BufferedOutputStream(connection.getOutputStream());
            in = new BufferedInputStream(new FlushingInputStream(connection.getInputStream(), out));
            String line;
            while ((line = readLine()) != null && execute(line)) {
                noreply = false;
            }
            out.flush();
        } catch (IOException e) {
            // The peer reset or went away: this connection is over, the server carries on.
        }
    }

    /**
     * Run one command line; return false if the connection is to close.
     */
    private boolean execute(String line) throws IOException {
        String[] words = Arrays.stream(line.split(" ")).filter(word -> !word.isEmpty()).toArray(String[]::new);
        try {
            switch (words.length == 0 ? "" : words[0]) {
                case "get" -> get(words);
                case "set" -> set(words);
                case "delete" -> delete(words);
                case "incr" -> add(words, false);
                case "decr" -> add(words, true);
                case "quit" -> {
                    return false;
                }
                default -> reply("ERROR");
            }
        } catch (ClientError e) {
            reply("CLIENT_ERROR " + e.getMessage());
        }
        return true;
    }

    private void get(String[] words) throws IOException, ClientError {
        if (words.length < 2) {
            reply("ERROR");
            return;
        }
        for (int i = 1; i < words.length; i++) {
            checkKey(words[i]);
        }
        for (int i = 1; i < words.length; i++) {
            Item item = store.get(words[i]);
            if (item != null) {
                reply("VALUE " + words[i] + " " + item.flags() + " " + item.value().length);
                out.write(item.value());
                reply("");
            }
        }
        reply("END");
    }

    private void set(String[] words) throws IOException, ClientError {
        noreply = words.length == 6 && words[5].equals("noreply");
        if (words.length != 5 && !noreply) {
            throw new ClientError(BAD_FORMAT);
        }
        int length = (int) number(words[4], Integer.MAX_VALUE, BAD_FORMAT);
        String key;
        long flags;
        long exptime;
        try {
            key = checkKey(words[1]);
            flags = number(words[2], 0xFFFF_FFFFL, BAD_FORMAT);
            exptime = words[3].startsWith("-") ? -number(words[3].substring(1), Integer.MAX_VALUE, BAD_FORMAT)
                    : number(words[3], Integer.MAX_VALUE, BAD_FORMAT);
        } catch (ClientError e) {
            in.skipNBytes(length + 2L);
            throw e;
        }
        if (length > MAX_VALUE_BYTES) {
            in.skipNBytes(length + 2L);
            reply("SERVER_ERROR object too large for cache");
            return;
        }
        byte[] value = in.readNBytes(length);
        if (value.length < length) {
            throw new EOFException("the connection ended in the middle of a value");
        }
        if (in.read() != '\r' || in.read() != '\n') {
            throw new ClientError("bad data chunk");
        }
        store.set(key, Item.of(value, flags, exptime, System.currentTimeMillis()));
        reply("STORED");
    }

    private void delete(String[] words) throws IOException, ClientError {
        noreply = words.length == 3 && words[2].equals("noreply");
        if (words.length != 2 && !noreply) {
            throw new ClientError(BAD_FORMAT);
        }
        reply(store.delete(checkKey(words[1])) ? "DELETED" : "NOT_FOUND");
    }

    private void add(String[] words, boolean decrement) throws IOException, ClientError {
        noreply = words.length == 4 && words[3].equals("noreply");
        if (words.length != 3 && !noreply) {
            throw new ClientError(BAD_FORMAT);
        }
        String key = checkKey(words[1]);
        long delta;
        try {
            if (!words[2].matches("\\d{1,20}")) {
                throw new ClientError("invalid numeric delta argument");
            }
            delta = Long.parseUnsignedLong(words[2]);
        } catch (NumberFormatException e) {
            throw new ClientError("invalid numeric delta argument");
        }
        String result = store.add(key, delta, decrement);
        reply(result == null ? "NOT_FOUND" : result);
    }

    /**
     * Return {@code key} if it is a valid key: 1 to 250 bytes, no control characters.
     */
    private static String checkKey(String key) throws ClientError {
        if (key.length() > MAX_KEY_BYTES || key.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new ClientError(BAD_FORMAT);
        }
        return key;
    }

    /**
     * Parse a decimal number from 0 to {@code max}, or fail with {@code error}.
     */
    private static long number(String text, long max, String error) throws ClientError {
        if (text.matches("\\d{1,10}")) {
            long value = Long.parseLong(text);
            if (value <= max) {
                return value;
            }
        }
        throw new ClientError(error);
    }

    private void reply(String line) throws IOException {
        if (!noreply) {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Read a command line without its line end, or return null at the end of input.
     */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return null;
            }
            if (line.length() == MAX_LINE_BYTES) {
                reply("CLIENT_ERROR line too long");
                return null;
            }
            line.append((char) b);
        }
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        return line.toString();
    }
}
