package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Send memcached text commands on one key of the connection's own, nine {@code get}s to one {@code set},
 * and check that each reply is exactly what the protocol says it must be.
 */
final class KvExchange implements Exchange {

    /** One command in this many is a {@code set}, starting with the first; the others are {@code get}s. */
    static final int SET_EVERY = 10;

    private final ByteBuffer set;
    private final ByteBuffer get;
    private final ByteBuffer stored = ascii("STORED\r\n");
    private final ByteBuffer value;
    private ByteBuffer expected;
    private long sent;

    KvExchange(int connection, int size) {
        String key = "key:" + connection;
        StringBuilder data = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            data.append((char) ('a' + (connection + i) % 26));
        }
        set = ascii("set " + key + " 0 0 " + size + "\r\n" + data + "\r\n");
        get = ascii("get " + key + "\r\n");
        value = ascii("VALUE " + key + " 0 " + size + "\r\n" + data + "\r\nEND\r\n");
    }

    @Override
    public ByteBuffer request() {
        boolean isSet = sent++ % SET_EVERY == 0;
        expected = (isSet ? stored : value).clear();
        return (isSet ? set : get).clear();
    }

    @Override
    public boolean answered(ByteBuffer input) throws IOException {
        while (expected.hasRemaining() && input.hasRemaining()) {
            byte actual = input.get();
            if (actual != expected.get()) {
                throw new IOException("unexpected reply: byte " + (expected.position() - 1) + " is '" + (char) actual
                        + "' in what should be " + new String(expected.array(), StandardCharsets.US_ASCII).strip());
            }
        }
        return !expected.hasRemaining();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
