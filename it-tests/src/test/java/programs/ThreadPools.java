package programs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Run blocking tasks on every kind of JDK thread pool with its default thread factory.
 */
public final class ThreadPools {

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(4);
        Map<ExecutorService, Integer> pools = new LinkedHashMap<>();
        pools.put(Executors.newFixedThreadPool(200), tasks);
        pools.put(Executors.newCachedThreadPool(), tasks);
        pools.put(new ThreadPoolExecutor(50, 50, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>()), tasks);
        pools.put(Executors.newSingleThreadExecutor(), tasks / 50);
        pools.put(scheduled, tasks / 10);
        int peak = 0;
        long sum = 0;
        for (Map.Entry<ExecutorService, Integer> entry : pools.entrySet()) {
            ExecutorService pool = entry.getKey();
            int count = entry.getValue();
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    Thread.sleep(20);
                    return id;
                }));
            }
            Thread.sleep(10);
            peak = Math.max(peak, ManagementFactory.getThreadMXBean().getThreadCount());
            for (Future<Integer> f : results) {
                sum += f.get();
            }
        }
        ScheduledFuture<String> later = scheduled.schedule(() -> "scheduled ran", 50, TimeUnit.MILLISECONDS);
        System.out.println(later.get());
        for (ExecutorService pool : pools.keySet()) {
            pool.shutdown();
            System.out.println("terminated: " + pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        System.out.println("sum of results: " + sum);
        System.err.println("peak platform threads: " + peak);
    }
}
