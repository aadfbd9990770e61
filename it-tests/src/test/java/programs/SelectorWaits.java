package programs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that block in {@code Selector.select}, written the old way: one woken by data, one by
 * its timeout, one by {@code wakeup()} from another thread. Prints what each select returned and
 * how many of the JDK's socket poller threads run.
 */
public final class SelectorWaits {

    public static void main(String[] args) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(server.getLocalAddress());
            SocketChannel accepted = server.accept();
            accepted.configureBlocking(false);

            Selector forData = Selector.open();
            accepted.register(forData, SelectionKey.OP_READ);
            AtomicInteger selected = new AtomicInteger(-1);
            Thread dataWaiter = new Thread(() -> selected.set(select(forData, 0)), "data-waiter");
            dataWaiter.start();

            Selector forNothing = Selector.open();
            AtomicInteger timedOut = new AtomicInteger(-1);
            Thread timedWaiter = new Thread(() -> timedOut.set(select(forNothing, 200)), "timed-waiter");
            timedWaiter.start();

            Selector toWake = Selector.open();
            AtomicInteger woken = new AtomicInteger(-1);
            Thread wokenWaiter = new Thread(() -> woken.set(select(toWake, 0)), "woken-waiter");
            wokenWaiter.start();

            Thread.sleep(300);
            client.write(ByteBuffer.wrap(new byte[] {42}));
            toWake.wakeup();
            dataWaiter.join();
            timedWaiter.join();
            wokenWaiter.join();
            System.out.println("select woken by data returned " + selected.get());
            System.out.println("select(200 ms) with nothing to select returned " + timedOut.get());
            System.out.println("select woken by wakeup() returned " + woken.get());
            System.out.println("JDK socket poller threads: " + Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().endsWith("Poller")).count());
            client.close();
            accepted.close();
        }
    }

    private static int select(Selector selector, long timeoutMillis) {
        try {
            return timeoutMillis == 0 ? selector.select() : selector.select(timeoutMillis);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
