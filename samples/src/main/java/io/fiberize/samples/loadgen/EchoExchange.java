package io.fiberize.samples.loadgen;

import java.nio.ByteBuffer;

/**
 * Send a message of a fixed size and wait for as many bytes to come back, for an echo server.
 */
final class EchoExchange implements Exchange {

    private final ByteBuffer message;
    private int missing;

    EchoExchange(int size) {
        message = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            message.put(i, (byte) ('a' + i % 26));
        }
    }

    @Override
    public ByteBuffer request() {
        missing = message.capacity();
        return message.clear();
    }

    @Override
    public boolean answered(ByteBuffer input) {
        int taken = Math.min(missing, input.remaining());
        input.position(input.position() + taken);
        missing -= taken;
        return missing == 0;
    }
}
