package io.fiberize.benchmarks.macro;

import io.fiberize.samples.cli.ServerCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * Echo every byte back from one thread with one selector and one direct buffer: the ceiling the others
 * are measured against.
 *
 * <p>Each readable connection is read into the shared buffer and what was read is written straight back.
 * Only when the socket takes less than that does the rest get a buffer of its own, and the connection waits
 * for {@code OP_WRITE} (and reads nothing) until it is sent.
 */
public final class NioEchoServer {

    private static final ServerCommand COMMAND = new ServerCommand("nio-echo", """
            Usage: NioEchoServer [--port N]
            A single-thread non-blocking echo server on 127.0.0.1 (one selector, one direct buffer).
              --port N      port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);

    private NioEchoServer() {
    }

    /**
     * Run the server: parse the arguments, bind, say where, and serve until killed.
     */
    public static void main(String[] args) throws IOException {
        int port = COMMAND.configure(args, List.of("port"), ServerCommand::port);
        try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ServerCommand.BACKLOG);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("listening on " + server.socket().getLocalPort());
            NioEchoServer echo = new NioEchoServer();
            while (true) {
                selector.select(echo::onReady);
            }
        }
    }

    private void onReady(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept(key);
            } else if (key.isWritable()) {
                flush(key);
            } else if (key.isReadable()) {
                echo(key);
            }
        } catch (IOException e) {
            close(key);
        }
    }

    private static void accept(SelectionKey key) throws IOException {
        SocketChannel connection;
        while ((connection = ((ServerSocketChannel) key.channel()).accept()) != null) {
            connection.configureBlocking(false);
            connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.register(key.selector(), SelectionKey.OP_READ);
        }
    }

    private void echo(SelectionKey key) throws IOException {
        SocketChannel connection = (SocketChannel) key.channel();
        buffer.clear();
        if (connection.read(buffer) < 0) {
            close(key);
            return;
        }
        buffer.flip();
        connection.write(buffer);
        if (buffer.hasRemaining()) {
            key.attach(ByteBuffer.allocate(buffer.remaining()).put(buffer).flip());
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private static void flush(SelectionKey key) throws IOException {
        ByteBuffer pending = (ByteBuffer) key.attachment();
        ((SocketChannel) key.channel()).write(pending);
        if (!pending.hasRemaining()) {
            key.attach(null);
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // The connection is gone either way.
        }
    }
}
