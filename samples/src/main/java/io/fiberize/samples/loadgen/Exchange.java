package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Speak one protocol on one load connection: what to send next, and when the answer to it is complete.
 *
 * <p>Used by one {@link ClientConnection} only, on its worker's thread. A round trip is timed from the
 * moment a request is handed out to the moment {@link #answered} says its answer is complete.
 */
interface Exchange {

    /**
     * Return the next request to send, or null to send nothing and wait until the server has said what
     * {@link #answered} waits for.
     */
    ByteBuffer request();

    /**
     * Consume from {@code input} (ready for reading) as much as belongs to the answer awaited now, and
     * tell whether that answer is complete; bytes after it stay in {@code input} for the next call.
     *
     * @throws IOException if the server answered something other than what the protocol says
     */
    boolean answered(ByteBuffer input) throws IOException;
}
