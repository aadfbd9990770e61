package programs.threads;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Make threads through the builder and the executors: names, daemon flags, the
 * {@code pool-N-thread-M} pattern of {@code Executors}' default thread factory.
 */
public final class BuildersAndPools {

    public static void main(String[] args) throws Exception {
        Thread built = Thread.ofPlatform().name("x").start(() -> System.out.println("builder thread inside: "
                + Thread.currentThread().getName() + " daemon=" + Thread.currentThread().isDaemon()));
        built.join(5_000);
        System.out.println("builder thread outside: " + built.getName() + " daemon=" + built.isDaemon());
        Thread daemon = Thread.ofPlatform().name("d").daemon().start(() -> System.out.println(
                "daemon builder thread inside: daemon=" + Thread.currentThread().isDaemon()));
        daemon.join(5_000);
        System.out.println("daemon builder thread outside: daemon=" + daemon.isDaemon());
        Thread marked = new Thread(() -> System.out.println("setDaemon(true) thread inside: daemon="
                + Thread.currentThread().isDaemon()), "marked");
        marked.setDaemon(true);
        marked.start();
        marked.join(5_000);

        for (int pool = 0; pool < 2; pool++) {
            ExecutorService executor = Executors.newFixedThreadPool(2);
            Set<String> names = new TreeSet<>();
            for (int task = 0; task < 4; task++) {
                executor.submit(() -> {
                    Thread current = Thread.currentThread();
                    synchronized (names) {
                        names.add(current.getName() + " daemon=" + current.isDaemon() + " priority="
                                + current.getPriority());
                    }
                });
            }
            executor.shutdown();
            System.out.println("pool terminated: " + executor.awaitTermination(5, TimeUnit.SECONDS));
            synchronized (names) {
                System.out.println("pool threads: " + names);
            }
        }
    }
}
