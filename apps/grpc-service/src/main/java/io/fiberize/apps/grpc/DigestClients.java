package io.fiberize.apps.grpc;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call {@code fiberize.Digests} from many plain threads through blocking stubs on one channel, check every
 * answer against the digest computed here, and print the totals (stdout) and the rate and peak OS threads
 * (stderr). A call that fails (an unreachable server, a deadline) is counted and named on stderr; the others go
 * on.
 *
 * <p>Each thread makes its first call before the others start timing, so that the rate covers calls on a
 * connected, warmed-up channel.
 */
final class DigestClients {
    private static final int MAX_ROUNDS = 32;
    private static final long DEADLINE_SECONDS = 60;
    private static final long SAMPLE_MILLIS = 5;
    /** The process's status, whose {@code Threads:} line counts its OS threads: one read, however many. */
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String THREADS_FIELD = "Threads:";

    private final ManagedChannel channel;
    private final int calls;
    private final LongAdder right = new LongAdder();
    private final LongAdder wrong = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder checksum = new LongAdder();
    private final AtomicInteger peakOsThreads = new AtomicInteger();
    private final CountDownLatch warmedUp;
    private final CountDownLatch go = new CountDownLatch(1);

    private DigestClients(ManagedChannel channel, int threads, int calls) {
        this.channel = channel;
        this.calls = calls;
        this.warmedUp = new CountDownLatch(threads);
    }

    /**
     * Make {@code calls} calls (at least 2) from each of {@code threads} threads to the server at {@code
     * host}:{@code port} and print what came back.
     */
    static void run(String host, int port, int threads, int calls) throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
        try {
            new DigestClients(channel, threads, calls).callFrom(threads);
        } finally {
            channel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void callFrom(int threads) throws InterruptedException {
        Thread sampler = new Thread(this::sampleOsThreads, "os-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * calls;
            Thread caller = new Thread(() -> call(first), "caller-" + t);
            callers.add(caller);
            caller.start();
        }
        warmedUp.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        long nanos = System.nanoTime() - start;
        long timedCalls = (long) threads * (calls - 1);

        System.out.println("threads: " + threads + ", calls each: " + calls);
        System.out.println("answers right: " + right.sum() + " of " + (long) threads * calls + ", wrong: " + wrong.sum()
                + ", failed: " + failed.sum());
        System.out.printf("digest checksum: %016x%n", checksum.sum());
        System.err.println("calls/s: " + timedCalls * TimeUnit.SECONDS.toNanos(1) / nanos);
        System.err.println("timed calls took ms: " + TimeUnit.NANOSECONDS.toMillis(nanos));
        System.err.println("peak OS threads: " + peakOsThreads.get());
    }

    private void call(int firstSeed) {
        DigestsBlockingStub stub = DigestsBlockingStub.on(channel);
        try {
            for (int i = 0; i < calls; i++) {
                long seed = firstSeed + i;
                Digests.Request request = new Digests.Request(seed, 1 + (int) (seed % MAX_ROUNDS));
                try {
                    byte[] answer = stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).digest(request);
                    if (Arrays.equals(answer, Digests.digest(request))) {
                        right.increment();
                        checksum.add(ByteBuffer.wrap(answer).getLong());
                    } else {
                        wrong.increment();
                    }
                } catch (StatusRuntimeException e) {
                    failed.increment();
                    System.err.println("call " + seed + " failed: " + e.getStatus());
                }
                if (i == 0) {
                    warmedUp.countDown();
                    go.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleOsThreads() {
        try {
            while (true) {
                for (String line : Files.readAllLines(STATUS)) {
                    if (line.startsWith(THREADS_FIELD)) {
                        peakOsThreads.accumulateAndGet(Integer.parseInt(line.substring(THREADS_FIELD.length()).strip()),
                                Math::max);
                    }
                }
                Thread.sleep(SAMPLE_MILLIS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
