package io.fiberize.runtime.fiber;

import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;

/**
 * Start one fiber that sleeps, then prints {@link #MARKER}, and return from {@code main} at
 * once; run by {@link KeepAliveTest} in a forked JVM, with {@code daemon} or {@code non-daemon}.
 */
public final class KeepAliveMain {
    static final String MARKER = "fiber finished after main returned";
    static final String MAIN_RETURNS = "main returns";

    private KeepAliveMain() {
    }

    public static void main(String[] args) {
        boolean daemon = args[0].equals("daemon");
        EventLoop loop = new EventLoop("keepalive-loop", new RunQueue.Fifo()).start();
        Fibers.start(loop, "sleeper", daemon, () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println(MARKER);
        });
        System.out.println(MAIN_RETURNS);
    }
}
