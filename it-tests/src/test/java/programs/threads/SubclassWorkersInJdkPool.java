package programs.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@code ThreadPoolExecutor} whose factory makes the program's own {@code Thread} subclass
 * (as Tomcat's utility executor does): the pool starts its workers itself, through the JDK's
 * internal start. Prints what the tasks see of their thread, and the pool's end.
 */
public final class SubclassWorkersInJdkPool {

    /** The program's worker thread. */
    static final class Worker extends Thread {
        Worker(Runnable task) {
            super(task, "worker");
        }
    }

    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Worker::new);
        List<Future<String>> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seen.add(pool.submit(() -> {
                Thread.sleep(5);
                Thread self = Thread.currentThread();
                return (self instanceof Worker ? "a Worker" : "not a Worker") + " named " + self.getName()
                        + (self.isDaemon() ? ", daemon" : ", not daemon");
            }));
        }
        for (Future<String> future : seen) {
            System.out.println(future.get());
        }
        System.out.println("pool size: " + pool.getPoolSize());
        pool.shutdown();
        System.out.println("terminated: " + pool.awaitTermination(10, TimeUnit.SECONDS));
    }
}
