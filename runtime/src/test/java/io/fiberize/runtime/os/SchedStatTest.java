package io.fiberize.runtime.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchedStatTest {

    @Test
    void readsTheRunQueueWaitFromASchedstatLine() {
        assertThat(SchedStat.parseWaitingNanos("187437405 18985516 575\n")).isEqualTo(18985516);
        assertThat(SchedStat.parseWaitingNanos("")).isEqualTo(-1);
        assertThat(SchedStat.parseWaitingNanos("12 x 3")).isEqualTo(-1);
    }

    @Test
    void readsThisThreadsIdAndItsWaitWhereProcIsThere() {
        int tid = SchedStat.currentTid();
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(tid).isEqualTo(-1);
            return;
        }
        assertThat(Path.of("/proc/self/task/" + tid)).isDirectory();
        long before = SchedStat.waitingNanos(tid);
        assertThat(before).isGreaterThanOrEqualTo(0);
        assertThat(SchedStat.waitingNanos(tid)).isGreaterThanOrEqualTo(before);
        assertThat(SchedStat.waitingNanos(-1)).isEqualTo(-1);
    }
}
