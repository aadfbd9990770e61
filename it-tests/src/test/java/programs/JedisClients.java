package programs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Threads sharing a {@link JedisPool} SET and GET their own keys while other threads, with connections of
 * their own, wait in BLPOP.
 *
 * <p>Usage: {@code JedisClients <port> <threads> <waiters>}. The waiters block first; the GET/SET threads
 * must all finish while every waiter is still blocked (a waiter that held its thread's carrier would stop
 * them); then one value is pushed to each waiter's list. Prints what it counted.
 */
public final class JedisClients {
    private static final int ROUNDS = 20;
    private static final int POOL_SIZE = 200;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int waiters = Integer.parseInt(args[2]);
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(POOL_SIZE);
        config.setMaxIdle(POOL_SIZE);
        try (JedisPool pool = new JedisPool(config, "127.0.0.1", port)) {
            try (Jedis jedis = pool.getResource()) {
                jedis.flushAll();
            }

            CountDownLatch waiting = new CountDownLatch(waiters);
            AtomicInteger popped = new AtomicInteger();
            AtomicInteger stillWaiting = new AtomicInteger(waiters);
            List<Thread> waiterThreads = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                String list = "queue-" + i;
                Thread waiter = new Thread(() -> {
                    try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                        jedis.ping();
                        waiting.countDown();
                        List<String> got = jedis.blpop(30, list);
                        stillWaiting.decrementAndGet();
                        if (got != null && got.get(1).equals("value of " + list)) {
                            popped.incrementAndGet();
                        }
                    }
                }, "waiter-" + i);
                waiterThreads.add(waiter);
                waiter.start();
            }
            waiting.await();
            Thread.sleep(100);  // let the waiters reach BLPOP in the server

            CountDownLatch started = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger right = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                Thread worker = new Thread(() -> {
                    started.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int round = 0; round < ROUNDS; round++) {
                        String key = "key-" + id + "-" + round;
                        String value = "value-" + id + "-" + round;
                        try (Jedis jedis = pool.getResource()) {
                            jedis.set(key, value);
                        }
                        try (Jedis jedis = pool.getResource()) {
                            if (value.equals(jedis.get(key))) {
                                right.incrementAndGet();
                            } else {
                                wrong.incrementAndGet();
                            }
                        }
                    }
                }, "worker-" + i);
                workers.add(worker);
                worker.start();
            }
            started.await();
            int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            int waitingAfterWork = stillWaiting.get();

            try (Jedis jedis = pool.getResource()) {
                for (int i = 0; i < waiters; i++) {
                    jedis.rpush("queue-" + i, "value of queue-" + i);
                }
            }
            for (Thread waiter : waiterThreads) {
                waiter.join();
            }
            System.out.println("get/set threads: " + threads + ", right: " + right.get() + " of "
                    + threads * ROUNDS + ", wrong: " + wrong.get());
            System.out.println("blpop waiters still blocked when the get/set threads finished: "
                    + waitingAfterWork + " of " + waiters);
            System.out.println("blpop waiters that got their value: " + popped.get() + " of " + waiters);
            System.err.println("platform threads with all threads started: " + platformThreads);
        }
    }
}
