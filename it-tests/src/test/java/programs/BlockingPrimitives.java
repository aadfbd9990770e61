package programs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Start N threads that each block in every way a classic program blocks: sleep, monitors with
 * wait/notify, {@code ReentrantLock} and its condition, read-write and stamped locks, a
 * semaphore, a latch, a barrier, blocking queues, timed waits that time out, and a future.
 * Prints the totals, which do not depend on what runs the threads.
 */
public final class BlockingPrimitives {
    private static final Object MONITOR = new Object();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition TURN = LOCK.newCondition();
    private static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    private static final StampedLock STAMPED = new StampedLock();
    private static final Semaphore PERMITS = new Semaphore(10);
    private static long guardedByMonitor;
    private static long guardedByLock;
    private static long guardedByWriteLock;
    private static long guardedByStamped;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        CountDownLatch ready = new CountDownLatch(n);
        CyclicBarrier barrier = new CyclicBarrier(n);
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(16);
        BlockingQueue<Integer> never = new LinkedBlockingQueue<>();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger monitorWakeups = new AtomicInteger();
        CompletableFuture<String> future = new CompletableFuture<>();
        List<Thread> threads = new ArrayList<>();
        int[] platformThreads = new int[1];
        for (int i = 0; i < n; i++) {
            int id = i;
            threads.add(new Thread(() -> {
                try {
                    Thread.sleep(id % 20);
                    synchronized (MONITOR) {
                        guardedByMonitor++;
                        Thread.sleep(0, 1000); // block while holding the monitor
                        MONITOR.wait(1);       // timed wait, usually times out
                        monitorWakeups.incrementAndGet();
                    }
                    LOCK.lock();
                    try {
                        guardedByLock++;
                        TURN.await(1, TimeUnit.MILLISECONDS);
                    } finally {
                        LOCK.unlock();
                    }
                    RW.writeLock().lock();
                    try {
                        guardedByWriteLock++;
                    } finally {
                        RW.writeLock().unlock();
                    }
                    RW.readLock().lock();
                    RW.readLock().unlock();
                    long stamp = STAMPED.writeLock();
                    guardedByStamped++;
                    STAMPED.unlockWrite(stamp);
                    PERMITS.acquire();
                    try {
                        Thread.sleep(1);
                    } finally {
                        PERMITS.release();
                    }
                    if (never.poll(5, TimeUnit.MILLISECONDS) == null) {
                        timedOut.incrementAndGet();
                    }
                    ready.countDown();
                    if (barrier.await() == 0) {
                        platformThreads[0] = ManagementFactory.getThreadMXBean().getThreadCount();
                        future.complete("future completed");
                    }
                    queue.put(id);
                    consumed.addAndGet(0);
                    if (!future.get(10, TimeUnit.SECONDS).equals("future completed")) {
                        throw new IllegalStateException("wrong future value");
                    }
                } catch (Exception e) {
                    System.out.println("thread " + id + " failed: " + e);
                }
            }));
        }
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    queue.take();
                    consumed.incrementAndGet();
                }
            } catch (InterruptedException e) {
                System.out.println("consumer interrupted");
            }
        }, "consumer");
        consumer.start();
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        consumer.join();
        System.out.println("threads: " + n);
        System.out.println("monitor: " + guardedByMonitor + ", wakeups " + monitorWakeups.get());
        System.out.println("lock: " + guardedByLock + ", write lock: " + guardedByWriteLock + ", stamped: "
                + guardedByStamped);
        System.out.println("timed polls that timed out: " + timedOut.get());
        System.out.println("queue items consumed: " + consumed.get());
        System.out.println("latch left: " + ready.getCount() + ", permits left: " + PERMITS.availablePermits());
        System.out.println(future.get());
        System.err.println("platform threads at the barrier: " + platformThreads[0]);
    }
}
