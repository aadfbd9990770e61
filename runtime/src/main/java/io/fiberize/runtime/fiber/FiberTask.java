package io.fiberize.runtime.fiber;

import io.fiberize.runtime.jfr.JfrEmitter;
import io.fiberize.runtime.loop.EventLoop;

/**
 * Run a fiber's task: count it on its loop, hand its exception to the uncaught-exception handler
 * of the thread the program holds, and end its {@link ProgramThread}.
 *
 * <p>The exception is dispatched here, before the thread counts as ended, so that the JVM cannot
 * exit between the task's end and the handler printing its stack trace, and a {@code join} returns
 * only after the handler ran, as for a platform thread. The task is dropped once it ran: nothing
 * the program gave the thread outlives it through the fiber.
 */
final class FiberTask implements Runnable {
    private final EventLoop loop;
    private final ProgramThread program;
    private Runnable task;

    FiberTask(EventLoop loop, ProgramThread program, Runnable task) {
        this.loop = loop;
        this.program = program;
        this.task = task;
    }

    /** Return what the fiber reports as the platform thread it stands for. */
    ProgramThread program() {
        return program;
    }

    @Override
    public void run() {
        Runnable running = task;
        task = null;
        loop.fiberStarted();
        JfrEmitter.fiberStarted(loop.name());
        try {
            running.run();
        } catch (Throwable e) {
            dispatchUncaught(program.program(), e);
        } finally {
            loop.fiberFinished();
            JfrEmitter.fiberEnded(loop.name());
            program.ended();
        }
    }

    /**
     * Hand {@code e} to the handler of {@code thread}; if the handler itself throws, say so on
     * standard error in the words of the JVM for a platform thread.
     */
    private static void dispatchUncaught(Thread thread, Throwable e) {
        try {
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        } catch (Throwable fromHandler) {
            System.err.print("\nException: " + fromHandler.getClass().getName()
                    + " thrown from the UncaughtExceptionHandler in thread \"" + thread.getName() + "\"\n");
        }
    }
}
