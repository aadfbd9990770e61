package io.fiberize.runtime.jmx;

import io.fiberize.runtime.loop.LoopStats;
import java.util.function.Supplier;

/**
 * Answer {@link LoopMXBean} from fresh {@link LoopStats} snapshots, one per attribute read.
 */
class LoopBean implements LoopMXBean {
    private final Supplier<LoopStats> stats;

    LoopBean(Supplier<LoopStats> stats) {
        this.stats = stats;
    }

    @Override
    public String getName() {
        return stats.get().name();
    }

    @Override
    public long getFibersAlive() {
        return stats.get().fibersAlive();
    }

    @Override
    public long getFibersStarted() {
        return stats.get().fibersStarted();
    }

    @Override
    public long getFibersFinished() {
        return stats.get().fibersFinished();
    }

    @Override
    public int getReady() {
        return stats.get().ready();
    }

    @Override
    public int getParkedOnIo() {
        return stats.get().parkedOnIo();
    }

    @Override
    public int getTimers() {
        return stats.get().timers();
    }

    @Override
    public long getTasksRun() {
        return stats.get().tasksRun();
    }

    @Override
    public long getTurns() {
        return stats.get().turns();
    }

    @Override
    public long getLocalResumes() {
        return stats.get().localResumes();
    }

    @Override
    public long getOtherLoopResumes() {
        return stats.get().otherLoopResumes();
    }

    @Override
    public long getForeignResumes() {
        return stats.get().foreignResumes();
    }

    @Override
    public long getJdkHelperResumes() {
        return stats.get().jdkHelperResumes();
    }

    @Override
    public long getUnblockerResumes() {
        return stats.get().unblockerResumes();
    }

    @Override
    public long getWakeups() {
        return stats.get().wakeups();
    }

    @Override
    public long getLongestTurnMicros() {
        return stats.get().longestTurnNanos() / 1_000;
    }

    @Override
    public long getStalls() {
        return stats.get().stalls();
    }

    @Override
    public long getCompensations() {
        return stats.get().compensations();
    }

    @Override
    public long getSlicedYields() {
        return stats.get().slicedYields();
    }
}
