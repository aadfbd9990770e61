package programs.threads;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave threads unnamed: plain threads, subclasses and threads constructed inside other threads share
 * one {@code Thread-N} numbering, in the order of construction.
 */
public final class DefaultNames {

    /** A subclass that does not name itself. */
    static final class Unnamed extends Thread {
        @Override
        public void run() {
            System.out.println("subclass sees itself as: " + getName());
        }
    }

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> System.out.println("plain sees itself as: " + Thread.currentThread().getName())));
        threads.add(new Unnamed());
        threads.add(new Thread(() -> {
            Thread inner = new Thread(() -> { });
            System.out.println("constructed inside: " + inner.getName());
        }));
        threads.add(new Thread((Runnable) null));
        threads.add(Thread.ofPlatform().unstarted(() -> { }));
        for (Thread thread : threads) {
            System.out.println("constructed: " + thread.getName());
        }
        for (Thread thread : threads) {
            thread.start();
            thread.join(5_000);
        }
        System.out.println("after all: " + new Thread(() -> { }).getName());
        System.out.println("ofPlatform().name(\"worker-\", 7): "
                + Thread.ofPlatform().name("worker-", 7).unstarted(() -> { }).getName());
    }
}
