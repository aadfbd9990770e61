package io.fiberize.samples.loadgen;

import io.fiberize.samples.cli.Arguments;
import io.fiberize.samples.cli.BadArgumentException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Load a server with many connections, each with one request in flight, and measure it.
 *
 * <p>A few platform threads, each with its own selector ({@link LoadWorker}), drive all the
 * connections, so ten thousand connections cost ten thousand sockets and no more threads. What a request
 * and its answer are depends on the {@link Protocol}: an echoed message, an HTTP request, a memcached
 * command, a round of chat. The run connects every connection first, sends for the warmup, then measures
 * round trips per second and round-trip latency (HdrHistogram) for the duration, reporting each second
 * as it goes.
 */
public final class LoadGenerator {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final String USAGE = """
            Usage: LoadGenerator --port N [options]
            Opens many connections to a server, each sending a request and waiting for its whole answer,
            and reports round trips per second and latency (a progress line each second on stderr).
            """ + LoadSettings.USAGE;

    private final LoadSettings settings;

    /**
     * Create a generator for one run described by {@code settings}.
     */
    public LoadGenerator(LoadSettings settings) {
        this.settings = settings;
    }

    /**
     * Run the load from the command line: progress on standard error, the summary on standard output.
     */
    public static void main(String[] args) throws InterruptedException {
        LoadSettings settings;
        try {
            Arguments arguments = Arguments.parse(args, LoadSettings.OPTIONS);
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            settings = LoadSettings.from(arguments);
        } catch (BadArgumentException e) {
            System.err.println("loadgen: " + e.getMessage() + "; try --help");
            System.exit(2);
            return;
        }
        try {
            LoadReport report = new LoadGenerator(settings).run(interval -> System.err.println(interval.line()));
            System.out.print(report.summary());
        } catch (IOException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Connect, send for the warmup, measure for the duration, then close every connection.
     *
     * @param progress called on this thread about once a second with the last interval's figures
     * @return what was measured after the warmup
     * @throws IOException if a connection cannot be opened or fails during the run
     */
    public LoadReport run(Consumer<IntervalReport> progress) throws IOException, InterruptedException {
        List<LoadWorker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < Math.min(settings.threads(), settings.connections()); i++) {
                workers.add(new LoadWorker(i));
            }
            connect(workers);
            for (LoadWorker worker : workers) {
                worker.start();
            }
            return measure(workers, progress);
        } finally {
            for (LoadWorker worker : workers) {
                worker.stop();
            }
        }
    }

    private void connect(List<LoadWorker> workers) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        for (int i = 0; i < settings.connections(); i++) {
            SocketChannel channel = SocketChannel.open();
            try {
                if (!settings.source().isEmpty()) {
                    channel.bind(new InetSocketAddress(settings.source(), 0));
                }
                channel.socket().connect(address, CONNECT_TIMEOUT_MILLIS);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
            } catch (IOException e) {
                channel.close();
                throw new IOException("could not open connection " + (i + 1) + " of " + settings.connections()
                        + " to " + address + ": " + e.getMessage(), e);
            }
            workers.get(i % workers.size()).add(channel, settings.protocol().exchange(i, settings));
        }
    }

    /**
     * Send for the warmup, then measure for the duration, which starts when the warmup has ended.
     */
    private LoadReport measure(List<LoadWorker> workers, Consumer<IntervalReport> progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        collect(workers);
        Phase warmup = runPhase(workers, progress, true, start, start, settings.warmup());
        Phase measured = runPhase(workers, progress, false, start, warmup.end(), settings.duration());
        Histogram latencies = measured.latencies();
        return new LoadReport(settings.connections(), settings.protocol().workload(settings), settings.warmup(),
                Duration.ofNanos(measured.end() - warmup.end()), latencies.getTotalCount(),
                latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(99), latencies.getMaxValue());
    }

    /**
     * Collect the workers' latencies once a second from {@code from} for {@code length}, reporting each
     * interval.
     */
    private Phase runPhase(List<LoadWorker> workers, Consumer<IntervalReport> progress, boolean warmup, long start,
            long from, Duration length) throws IOException, InterruptedException {
        Histogram latencies = new Histogram(3);
        long end = from + length.toNanos();
        long intervalStart = from;
        while (intervalStart < end) {
            sleepUntil(Math.min(intervalStart + INTERVAL_NANOS, end));
            Histogram interval = collect(workers);
            long now = System.nanoTime();
            latencies.add(interval);
            progress.accept(new IntervalReport(warmup, (now - start) / 1e9, settings.connections(),
                    perSecond(interval.getTotalCount(), now - intervalStart), interval.getValueAtPercentile(99)));
            intervalStart = now;
        }
        return new Phase(latencies, intervalStart);
    }

    private static Histogram collect(List<LoadWorker> workers) throws IOException {
        Histogram interval = new Histogram(3);
        for (LoadWorker worker : workers) {
            Exception failure = worker.failure();
            if (failure != null) {
                throw new IOException("a connection failed: " + failure.getMessage(), failure);
            }
            interval.add(worker.intervalLatencies());
        }
        return interval;
    }

    private static long perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    /**
     * Hold what one phase recorded and when it ended ({@link System#nanoTime}).
     */
    private record Phase(Histogram latencies, long end) {
    }
}
