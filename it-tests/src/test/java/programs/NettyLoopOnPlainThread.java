package programs;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Netty epoll event loops on threads the application makes itself, plain {@code new Thread}s from
 * its own factory, which the agent's table of event-loop threads cannot know: an echo server with
 * four loops (the listening socket on one, a connection on each of the others) answering one byte
 * per connection every 250 ms, so that each loop waits in {@code epoll_wait} between requests.
 *
 * <p>Arguments: requests per connection (5). Prints how many echoes came back.
 */
public final class NettyLoopOnPlainThread {

    private static final int LOOPS = 4;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        AtomicInteger made = new AtomicInteger();
        ThreadFactory ownThreads = task -> new Thread(task, "own-netty-loop-" + made.incrementAndGet());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(LOOPS, ownThreads, EpollIoHandler.newFactory());
        try {
            Channel server = NettyEcho.bind(group);
            int port = NettyEcho.port(server);
            Socket[] sockets = new Socket[LOOPS - 1];
            for (int c = 0; c < sockets.length; c++) {
                sockets[c] = new Socket(InetAddress.getLoopbackAddress(), port);
            }
            int echoed = 0;
            for (int i = 0; i < requests; i++) {
                Thread.sleep(250);
                for (Socket socket : sockets) {
                    socket.getOutputStream().write(i);
                    if (socket.getInputStream().read() == i) {
                        echoed++;
                    }
                }
            }
            for (Socket socket : sockets) {
                socket.close();
            }
            server.close().sync();
            System.out.println("echoed " + echoed + " of " + requests * sockets.length);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
