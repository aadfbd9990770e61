package io.fiberize.benchmarks.bugs;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Construct a lazily created singleton twice: check-then-act without a lock ({@code if (instance ==
 * null) instance = new ...}), double-checked locking with the lock left out. Its constructor
 * registers itself, as connection pools and metric registries do. Fails when two instances were
 * built.
 */
public final class DoubleInit {
    private static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    private static volatile Registry instance;

    private DoubleInit() {
    }

    /** An object meant to exist once. */
    static final class Registry {
        Registry() {
            CONSTRUCTED.incrementAndGet();
        }
    }

    static Registry registry() {
        if (instance == null) {
            instance = new Registry();
        }
        return instance;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(DoubleInit::registry);
        Thread second = new Thread(DoubleInit::registry);
        first.start();
        second.start();
        first.join();
        second.join();
        if (CONSTRUCTED.get() != 1) {
            throw new AssertionError("double initialisation: " + CONSTRUCTED.get() + " registries were built");
        }
    }
}
