package io.fiberize.benchmarks.macro;

import io.fiberize.samples.cli.BadArgumentException;
import io.fiberize.samples.cli.ServerCommand;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Echo every byte back with Netty on its native epoll transport, the event-loop peer users would
 * pick, or on its Java NIO transport.
 *
 * <p>{@code --loops N} event loops serve both the listening socket and the connections, so with
 * {@code --loops 1} the whole server is one thread. The handler is Netty's idiomatic echo: write each
 * buffer read, flush when a read burst is complete.
 */
public final class NettyEchoServer {

    private static final ServerCommand COMMAND = new ServerCommand("netty-echo", """
            Usage: NettyEchoServer [--port N] [--loops N] [--transport epoll|nio]
            An echo server on 127.0.0.1 with Netty's native epoll transport (or its Java NIO one).
              --port N      port to listen on; 0 picks a free one (default 0)
              --loops N     event loops (threads), shared by the acceptor and the connections (default 1)
              --transport   epoll: Netty's native transport; nio: its java.nio Selector transport (default epoll)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """);

    private NettyEchoServer() {
    }

    /**
     * Run the server: parse the arguments, bind, say where, and serve until killed.
     */
    public static void main(String[] args) throws InterruptedException {
        record Options(int port, int loops, boolean nio) {
        }
        Options options = COMMAND.configure(args, List.of("port", "loops", "transport"), arguments -> {
            String transport = arguments.text("transport", "epoll");
            if (!transport.equals("epoll") && !transport.equals("nio")) {
                throw new BadArgumentException("--transport must be epoll or nio, not " + transport);
            }
            return new Options(ServerCommand.port(arguments), arguments.number("loops", 1, 1, 1024),
                    transport.equals("nio"));
        });
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.loops(),
                options.nio() ? NioIoHandler.newFactory() : EpollIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(options.nio() ? NioServerSocketChannel.class : EpollServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, ServerCommand.BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new Echo())
                    .bind(InetAddress.getLoopbackAddress(), options.port()).sync().channel();
            System.out.println("listening on " + ((InetSocketAddress) server.localAddress()).getPort());
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /**
     * Write back each buffer read, and flush once the read burst is over.
     */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
