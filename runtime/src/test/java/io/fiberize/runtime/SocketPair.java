package io.fiberize.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Two connected loopback TCP channels, both non-blocking, for tests of readiness waits.
 */
public record SocketPair(SocketChannel left, SocketChannel right) implements AutoCloseable {

    /** Connect a fresh pair over loopback. */
    public static SocketPair open() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel left = SocketChannel.open(server.getLocalAddress());
            SocketChannel right = server.accept();
            left.configureBlocking(false);
            right.configureBlocking(false);
            return new SocketPair(left, right);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            left.close();
        } finally {
            right.close();
        }
    }
}
