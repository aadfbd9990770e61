package programs;

import io.fiberize.samples.echo.EchoServer;
import io.fiberize.samples.kv.KvServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The server side of the soak: the unmodified echo and kv samples, each a thread per connection,
 * in one JVM with thread pools being created and shut down and timers being scheduled and
 * cancelled all the time; every {@code SAMPLE_SECONDS} it prints what it holds.
 *
 * <p>Usage: {@code SoakServer SAMPLE_SECONDS}. Prints {@code listening on <echo port>} and {@code kv
 * port <port>} on standard output, then, until it is ended, a line a sample on standard error:
 * {@code sample heapKB=.. rssKB=.. fds=.. fibers=.. ioWaits=.. timers=..} (heap after a full GC;
 * fibers, I/O waits and timers from fiberize's MBeans when it runs, -1 otherwise).
 */
public final class SoakServer {
    private SoakServer() {
    }

    public static void main(String[] args) throws Exception {
        long sampleMillis = Long.parseLong(args[0]) * 1000;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket echo = new ServerSocket(0, 0, loopback);
        ServerSocket kv = new ServerSocket(0, 0, loopback);
        serve("echo", () -> new EchoServer(echo).serve());
        serve("kv", () -> new KvServer(kv).serve());
        new Thread(SoakServer::churnPools, "pool-churn").start();
        new Thread(SoakServer::churnTimers, "timer-churn").start();
        System.out.println("kv port " + kv.getLocalPort());
        System.out.println("listening on " + echo.getLocalPort());
        while (true) {
            Thread.sleep(sampleMillis);
            System.err.println(sample());
        }
    }

    private interface Serving {
        void serve() throws IOException;
    }

    private static void serve(String name, Serving server) {
        new Thread(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                System.err.println(name + " server stopped: " + e);
            }
        }, name + "-acceptor").start();
    }

    /** Create a pool, give it work, shut it down; again and again. */
    private static void churnPools() {
        while (true) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 20; i++) {
                pool.submit(() -> ThreadLocalRandom.current().nextLong());
            }
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Schedule timers up to ten seconds ahead and cancel half of them; again and again. */
    private static void churnTimers() {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Timer timer = new Timer("soak-timer", true);
        while (true) {
            List<ScheduledFuture<?>> scheduled = new ArrayList<>();
            List<TimerTask> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long delay = ThreadLocalRandom.current().nextLong(10, 10_000);
                scheduled.add(scheduler.schedule(() -> { }, delay, TimeUnit.MILLISECONDS));
                TimerTask task = new TimerTask() {
                    @Override
                    public void run() {
                    }
                };
                timer.schedule(task, delay);
                tasks.add(task);
            }
            for (int i = 0; i < 50; i += 2) {
                scheduled.get(i).cancel(false);
                tasks.get(i).cancel();
            }
            timer.purge();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String sample() throws Exception {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = open.count();
        }
        return "sample heapKB=" + heap / 1024 + " rssKB=" + rssKb() + " fds=" + fds
                + " fibers=" + loopTotal("FibersAlive") + " ioWaits=" + loopTotal("ParkedOnIo")
                + " timers=" + loopTotal("Timers");
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Sum an attribute over fiberize's loop MBeans, or -1 when there are none (a plain run). */
    private static long loopTotal(String attribute) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        var loops = server.queryNames(new ObjectName("io.fiberize:type=Loop,*"), null);
        if (loops.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (ObjectName loop : loops) {
            total += ((Number) server.getAttribute(loop, attribute)).longValue();
        }
        return total;
    }
}
