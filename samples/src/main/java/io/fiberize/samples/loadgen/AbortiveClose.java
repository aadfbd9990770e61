package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Close a client connection of a benchmark with a reset ({@code SO_LINGER} 0) instead of an
 * orderly close.
 *
 * <p>An orderly close leaves the client's port in {@code TIME_WAIT} for a minute, still bound to
 * its source address, and Linux then keeps that port from every other socket's {@code connect} on
 * the machine: a few runs of 10,000 connections would leave none for the next run, or for
 * {@code wrk}. The server sees a reset instead of end of stream.
 */
public final class AbortiveClose {
    private AbortiveClose() {
    }

    /**
     * Close {@code channel} with a reset; a channel already closed or broken is closed all the same.
     */
    public static void close(SocketChannel channel) {
        try {
            if (channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException e) {
            // Reset or closed meanwhile: there is no TIME_WAIT to avoid; close it below all the same.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with a connection that fails to close.
        }
    }
}
