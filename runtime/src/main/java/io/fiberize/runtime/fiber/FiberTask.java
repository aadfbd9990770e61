package io.fiberize.runtime.fiber;

import io.fiberize.runtime.jfr.JfrEmitter;
import io.fiberize.runtime.loop.EventLoop;

/**
 * Run a fiber's task: count it on its loop, hand its exception to its uncaught-exception
 * handler, and let the JVM go when it was the last non-daemon one.
 *
 * <p>The exception is dispatched here, before the keep-alive is released, so that the JVM cannot
 * exit between the task's end and the handler printing its stack trace.
 */
final class FiberTask implements Runnable {
    private final EventLoop loop;
    private final Runnable task;
    private final boolean daemon;
    private volatile boolean keepingAlive;

    FiberTask(EventLoop loop, Runnable task, boolean daemon) {
        this.loop = loop;
        this.task = task;
        this.daemon = daemon;
    }

    /**
     * Hold the JVM open for this fiber, if it stands in for a non-daemon thread; call just
     * before the fiber is started.
     */
    void starting() {
        if (!daemon && !keepingAlive) {
            keepingAlive = true;
            KeepAlive.acquire();
        }
    }

    /**
     * Undo {@link #starting()} when starting the fiber failed.
     */
    void startFailed() {
        release();
    }

    @Override
    public void run() {
        Thread self = Thread.currentThread();
        loop.fiberStarted();
        JfrEmitter.fiberStarted(loop.name());
        try {
            task.run();
        } catch (Throwable e) {
            dispatchUncaught(self, e);
        } finally {
            loop.fiberFinished();
            JfrEmitter.fiberEnded(loop.name());
            release();
        }
    }

    private void release() {
        if (keepingAlive) {
            keepingAlive = false;
            KeepAlive.release();
        }
    }

    private static void dispatchUncaught(Thread self, Throwable e) {
        try {
            self.getUncaughtExceptionHandler().uncaughtException(self, e);
        } catch (Throwable ignored) {
            // As Thread.dispatchUncaughtException: a failing handler is ignored.
        }
    }
}
