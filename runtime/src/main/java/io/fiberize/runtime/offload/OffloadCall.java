package io.fiberize.runtime.offload;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Carry one offloaded call's result or exception back to the fiber that waits for it, and the
 * fiber's interrupts to the worker that runs it.
 *
 * <p>An interrupt of the waiting fiber must do to the call what it would do on a thread: a file
 * channel blocked in a read closes and throws {@code ClosedByInterruptException}, a {@code
 * FileInputStream} read goes on (a platform thread blocked in {@code read(2)} ignores interrupts).
 * The worker that runs the call is a platform thread, so interrupting it gives exactly that.
 *
 * <pre>
 * QUEUED   -> QUEUED   interrupt(): remembered; the worker interrupts itself before the call
 * QUEUED   -> RUNNING  run(): a worker takes the call
 * RUNNING  -> RUNNING  interrupt(): the worker is interrupted
 * RUNNING  -> DONE     the call returned or threw; the worker clears its interrupt status
 * DONE     -> DONE     interrupt(): nothing (the waiter keeps its own status)
 * </pre>
 */
final class OffloadCall<T> implements Runnable {
    private final Callable<T> call;
    private final Thread waiter;
    private T value;
    private Throwable failure;
    private Thread worker;             // guarded by this; set while RUNNING
    private boolean interruptPending;  // guarded by this; set while QUEUED
    private volatile boolean done;

    OffloadCall(Callable<T> call, Thread waiter) {
        this.call = call;
        this.waiter = waiter;
    }

    @Override
    public void run() {
        Thread self = Thread.currentThread();
        synchronized (this) {
            worker = self;
            if (interruptPending) {
                self.interrupt();
            }
        }
        try {
            value = call.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            synchronized (this) {
                worker = null;
            }
            // Cleared after worker = null: an interrupt forwarded before that is this call's and
            // must not reach the worker's next call; none can be forwarded after it.
            Thread.interrupted();
            done = true;
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Pass an interrupt of the waiting fiber on to the call: to the worker running it, or to the
     * worker that will.
     */
    synchronized void interrupt() {
        if (done) {
            return;
        }
        if (worker != null) {
            worker.interrupt();
        } else {
            interruptPending = true;
        }
    }

    boolean isDone() {
        return done;
    }

    T result() throws Exception {
        if (failure == null) {
            return value;
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        throw (Error) failure;
    }
}
