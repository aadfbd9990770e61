package io.fiberize.runtime.jmx;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.dump.FiberDump;

/**
 * Answer {@link LoopsMXBean} for a running runtime.
 */
final class LoopsBean extends LoopBean implements LoopsMXBean {
    private final FiberRuntime runtime;

    LoopsBean(FiberRuntime runtime) {
        super(runtime.loops()::stats);
        this.runtime = runtime;
    }

    @Override
    public String getName() {
        return "all";
    }

    @Override
    public int getLoopCount() {
        return runtime.loops().loops().size();
    }

    @Override
    public int getOffloadThreads() {
        return runtime.offload().threads();
    }

    @Override
    public int getOffloadQueued() {
        return runtime.offload().queued();
    }

    @Override
    public long getOffloadCalls() {
        return runtime.offload().calls();
    }

    @Override
    public String dumpFibers() {
        return FiberDump.ofThisJvm();
    }
}
