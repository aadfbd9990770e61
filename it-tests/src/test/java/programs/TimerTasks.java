package programs;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Schedule one-shot and repeated tasks on a {@code java.util.Timer}, then cancel it.
 */
public final class TimerTasks {

    public static void main(String[] args) throws Exception {
        Timer timer = new Timer("ticks", true);
        CountDownLatch repeated = new CountDownLatch(5);
        String[] onceRanOn = new String[1];
        CountDownLatch once = new CountDownLatch(1);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                onceRanOn[0] = Thread.currentThread().getName();
                once.countDown();
            }
        }, 50);
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                repeated.countDown();
            }
        }, 10, 10);
        once.await();
        repeated.await();
        timer.cancel();
        System.out.println("one-shot task ran on thread: " + onceRanOn[0]);
        System.out.println("repeated task ran 5 times");

        Timer nonDaemon = new Timer("keeps-the-jvm");
        nonDaemon.schedule(new TimerTask() {
            @Override
            public void run() {
                System.out.println("non-daemon timer task ran after main returned");
                nonDaemon.cancel();
            }
        }, 200);
        System.out.println("main returns");
    }
}
