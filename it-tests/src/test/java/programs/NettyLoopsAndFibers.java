package programs;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Application threads that talk through Netty's native epoll transport: a Netty echo server and
 * Netty client channels share one event loop, and each of many ordinary threads connects a channel,
 * writes, waits on Netty's futures ({@code sync()}) and on a {@code CompletableFuture} the event
 * loop completes with the echo, and closes.
 *
 * <p>Arguments: threads (200) and round trips per thread (20). Prints how many round trips came back
 * right.
 */
public final class NettyLoopsAndFibers {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            Channel server = NettyEcho.bind(group);
            int port = NettyEcho.port(server);
            AtomicInteger right = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] clients = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                clients[t] = new Thread(() -> {
                    try {
                        talk(group, port, id, roundTrips, right);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, "client-" + t);
                clients[t].start();
            }
            for (Thread client : clients) {
                client.join();
            }
            server.close().sync();
            System.out.println("round trips through Netty's event loop: " + right.get() + " of "
                    + threads * roundTrips + " right" + (failure.get() == null ? "" : ", first failure: " + failure.get()));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** Connect a client channel, make {@code roundTrips} echoes through it, each awaited, and close it. */
    private static void talk(EventLoopGroup group, int port, int id, int roundTrips, AtomicInteger right)
            throws Exception {
        AtomicReference<Reply> reply = new AtomicReference<>();
        Channel channel = new Bootstrap().group(group).channel(EpollSocketChannel.class)
                .handler(new SimpleChannelInboundHandler<ByteBuf>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                        reply.get().add(msg.toString(StandardCharsets.US_ASCII));
                    }
                })
                .connect(InetAddress.getLoopbackAddress(), port).sync().channel();
        try {
            for (int i = 0; i < roundTrips; i++) {
                String message = "client " + id + " message " + i;
                Reply expected = new Reply(message.length());
                reply.set(expected);
                channel.writeAndFlush(Unpooled.copiedBuffer(message, StandardCharsets.US_ASCII)).sync();
                if (expected.whole.get(10, TimeUnit.SECONDS).equals(message)) {
                    right.incrementAndGet();
                }
            }
        } finally {
            channel.close().sync();
        }
    }

    /** The echo of one message, completed on the event loop once all its bytes arrived. */
    private static final class Reply {
        final CompletableFuture<String> whole = new CompletableFuture<>();
        private final StringBuilder received = new StringBuilder();
        private final int length;

        Reply(int length) {
            this.length = length;
        }

        void add(String part) {
            received.append(part);
            if (received.length() >= length) {
                whole.complete(received.toString());
            }
        }
    }
}
