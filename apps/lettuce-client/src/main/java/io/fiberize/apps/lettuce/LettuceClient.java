package io.fiberize.apps.lettuce;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.Transports;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drive a real Redis server from many application threads that share one Lettuce connection through its
 * synchronous API, and check every answer.
 *
 * <p>Usage: {@code java -jar lettuce-client.jar <redis port> [threads, 1000] [rounds, 20]}. Each thread
 * ({@code new Thread}) runs its rounds on keys of its own: SET a value, GET it back, INCR a counter;
 * Lettuce pipelines all their commands over the one connection, and Netty's event loop completes the
 * futures the threads wait on. Standard output gets the counts (the same on every run); standard error the
 * commands per second and the peak number of live platform threads.
 */
public final class LettuceClient {

    private LettuceClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.flushall();

            AtomicLong commands = new AtomicLong();
            AtomicLong right = new AtomicLong();
            AtomicLong wrong = new AtomicLong();
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int id = i;
                Thread worker = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    String counter = "counter-" + id;
                    for (int round = 0; round < rounds; round++) {
                        String key = "key-" + id + "-" + round;
                        String value = "value-" + id + "-" + round;
                        boolean ok = "OK".equals(redis.set(key, value));
                        ok &= value.equals(redis.get(key));
                        ok &= redis.incr(counter) == round + 1;
                        commands.addAndGet(3);
                        (ok ? right : wrong).incrementAndGet();
                    }
                }, "worker-" + i);
                workers.add(worker);
                worker.start();
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            long elapsed = System.nanoTime() - start;

            long counted = 0;
            for (int i = 0; i < threads; i++) {
                counted += Long.parseLong(redis.get("counter-" + i));
            }
            long keys = redis.dbsize();

            System.out.println("lettuce transport: " + Transports.socketChannelClass().getSimpleName());
            System.out.println("threads: " + threads + ", rounds: " + rounds + ", commands: " + commands.get());
            System.out.println("rounds right: " + right.get() + " of " + (long) threads * rounds
                    + ", wrong: " + wrong.get());
            System.out.println("sum of counters: " + counted + ", keys in redis: " + keys);
            if (wrong.get() == 0 && counted == (long) threads * rounds && keys == (long) threads * (rounds + 1)) {
                System.out.println("all right");
            }
            System.err.println("commands/s: " + commands.get() * 1_000_000_000L / elapsed);
        } finally {
            client.shutdown();
        }
        System.err.println("peak platform threads: " + ManagementFactory.getThreadMXBean().getPeakThreadCount());
    }
}
