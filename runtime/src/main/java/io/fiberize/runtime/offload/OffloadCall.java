package io.fiberize.runtime.offload;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Carry one offloaded call's result or exception back to the fiber that waits for it.
 */
final class OffloadCall<T> implements Runnable {
    private final Callable<T> call;
    private final Thread waiter;
    private T value;
    private Throwable failure;
    private volatile boolean done;

    OffloadCall(Callable<T> call, Thread waiter) {
        this.call = call;
        this.waiter = waiter;
    }

    @Override
    public void run() {
        try {
            value = call.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            done = true;
            LockSupport.unpark(waiter);
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
