package io.fiberize.runtime.jmx;

import io.fiberize.runtime.dump.FiberDump;
import io.fiberize.runtime.loop.LoopGroup;
import io.fiberize.runtime.offload.OffloadPool;

/**
 * Answer {@link LoopsMXBean} for the runtime's loops and offload pool.
 */
final class LoopsBean extends LoopBean implements LoopsMXBean {
    private final LoopGroup loops;
    private final OffloadPool offload;

    LoopsBean(LoopGroup loops, OffloadPool offload) {
        super(loops::stats);
        this.loops = loops;
        this.offload = offload;
    }

    @Override
    public String getName() {
        return "all";
    }

    @Override
    public int getLoopCount() {
        return loops.loops().size();
    }

    @Override
    public int getOffloadThreads() {
        return offload.threads();
    }

    @Override
    public int getOffloadQueued() {
        return offload.queued();
    }

    @Override
    public long getOffloadCalls() {
        return offload.calls();
    }

    @Override
    public String dumpFibers() {
        return FiberDump.ofThisJvm();
    }
}
