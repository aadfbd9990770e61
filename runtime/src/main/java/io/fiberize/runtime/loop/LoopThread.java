package io.fiberize.runtime.loop;

import io.fiberize.runtime.os.SchedStat;

/**
 * Carry one loop: the platform thread its fibers are mounted on.
 *
 * <p>{@link #inTask} tells the loop's own code (between tasks) from code that runs inside a task
 * on the same thread (a fiber, or the JDK right after unmounting one). Only the former may touch
 * the loop's state directly; the latter goes through the inbox like any other thread. The flag
 * lives on the thread, not the loop, so that a carrier that lost its loop to a compensating
 * carrier while pinned in a task never mistakes itself for the owner.
 */
final class LoopThread extends Thread {
    final EventLoop loop;
    boolean inTask;
    /** The operating system's id of this thread, once it runs; -1 before, or where unknown. */
    volatile int tid = -1;

    LoopThread(EventLoop loop, String name) {
        super(null, null, name, 0, false);
        this.loop = loop;
        setDaemon(true);
    }

    @Override
    public void run() {
        tid = SchedStat.currentTid();
        loop.run(this);
    }
}
