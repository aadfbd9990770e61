package io.fiberize.runtime;

import io.fiberize.runtime.jdk.VirtualThreads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Record the names of the carrier threads fibers find themselves on, to prove where they ran.
 */
public final class Carriers {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Note the current carrier; call from a fiber after each blocking point. */
    public void note() {
        seen.add(VirtualThreads.currentCarrier().getName());
    }

    /** Return the carrier names seen so far. */
    public Set<String> seen() {
        return Set.copyOf(seen);
    }
}
