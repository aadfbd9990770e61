package io.fiberize.runtime.jmx;

/**
 * Show the whole loop group through JMX as {@code io.fiberize:type=Loops}: the loops' counters
 * summed (the longest turn is the longest of any loop), the offload pool, and a fiber dump.
 */
public interface LoopsMXBean extends LoopMXBean {

    /** Return the number of loops. */
    int getLoopCount();

    /** Return the offload pool's live worker threads. */
    int getOffloadThreads();

    /** Return the offload calls waiting for a worker. */
    int getOffloadQueued();

    /** Return the calls offloaded so far. */
    long getOffloadCalls();

    /**
     * Dump this JVM's threads, fibers grouped by loop, as the text {@code bin/fiberize dump} prints.
     */
    String dumpFibers();
}
