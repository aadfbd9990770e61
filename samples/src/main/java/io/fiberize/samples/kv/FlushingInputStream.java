package io.fiberize.samples.kv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Flush the replies written so far before each read from the connection, which may block.
 *
 * <p>Put under the connection's {@code BufferedInputStream}: it reads from the socket only when it has
 * no buffered input left, so pipelined commands get their replies in one write, and no reply waits in a
 * buffer while the connection waits for the client.
 */
final class FlushingInputStream extends FilterInputStream {

    private final OutputStream replies;

    FlushingInputStream(InputStream in, OutputStream replies) {
        super(in);
        this.replies = replies;
    }

    @Override
    public int read() throws IOException {
        replies.flush();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        replies.flush();
        return super.read(b, off, len);
    }
}
