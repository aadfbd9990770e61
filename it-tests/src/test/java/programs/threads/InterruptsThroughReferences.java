package programs.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Interrupt threads in ways no call site names: {@code forEach(Thread::interrupt)},
 * {@code stream().anyMatch(Thread::isAlive)}, and reflection. Each interrupt must reach the thread,
 * blocked in {@code sleep}, {@code wait} or {@code BlockingQueue.take}, so that it ends.
 */
public final class InterruptsThroughReferences {

    public static void main(String[] args) throws Exception {
        Queue<String> ended = new ConcurrentLinkedQueue<>();
        Object monitor = new Object();
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> {
            try {
                Thread.sleep(10_000);
                ended.add("sleeper: slept 10 s (TIMEOUT)");
            } catch (InterruptedException e) {
                ended.add("sleeper: interrupted");
            }
        }, "sleeper"));
        threads.add(new Thread(() -> {
            synchronized (monitor) {
                try {
                    monitor.wait(10_000);
                    ended.add("waiter: woke without interrupt (TIMEOUT)");
                } catch (InterruptedException e) {
                    ended.add("waiter: interrupted");
                }
            }
        }, "waiter"));
        threads.add(new Thread(() -> {
            try {
                ended.add("taker: took " + queue.take() + " (wrong)");
            } catch (InterruptedException e) {
                ended.add("taker: interrupted");
            }
        }, "taker"));
        threads.forEach(Thread::start);
        Blocked.awaitBlocked(threads.toArray(Thread[]::new));
        System.out.println("anyMatch(Thread::isAlive) while blocked: " + threads.stream().anyMatch(Thread::isAlive));
        System.out.println("allMatch(Thread::isAlive) while blocked: " + threads.stream().allMatch(Thread::isAlive));
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        ended.stream().sorted().forEach(System.out::println);
        System.out.println("anyMatch(Thread::isAlive) after join: " + threads.stream().anyMatch(Thread::isAlive));

        Thread reflected = new Thread(() -> {
            try {
                Thread.sleep(10_000);
                System.out.println("reflected: slept 10 s (TIMEOUT)");
            } catch (InterruptedException e) {
                System.out.println("reflected: interrupted through Method.invoke");
            }
        }, "reflected");
        reflected.start();
        Blocked.awaitBlocked(reflected);
        System.out.println("isAlive through Method.invoke while it sleeps: "
                + Thread.class.getMethod("isAlive").invoke(reflected));
        Thread.class.getMethod("interrupt").invoke(reflected);
        reflected.join(5_000);
        System.out.println("reflected alive after join: " + reflected.isAlive());
        System.out.println("isAlive through Method.invoke after join: "
                + Thread.class.getMethod("isAlive").invoke(reflected));
    }
}
