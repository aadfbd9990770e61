package io.fiberize.samples.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessStatusTest {

    @Test
    void readsThreadsAndResidentMemory() {
        ProcessStatus status = ProcessStatus.parse(List.of(
                "Name:\tjava", "VmPeak:\t 9000000 kB", "VmRSS:\t   94208 kB", "Threads:\t23", "SigQ:\t0/1"));

        assertThat(status).isEqualTo(new ProcessStatus(23, 94208));
        assertThat(status.threadsText()).isEqualTo("23");
        assertThat(status.rssText()).isEqualTo("92 MB");
    }

    @Test
    void saysWhatItCouldNotRead() {
        assertThat(ProcessStatus.parse(List.of("Name:\tjava")).threadsText()).isEqualTo("n/a");
        assertThat(ProcessStatus.UNKNOWN.rssText()).isEqualTo("n/a");
    }

    @Test
    void readsThisProcessOnLinux() {
        ProcessStatus status = ProcessStatus.of(ProcessHandle.current().pid());

        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(status.threads()).isGreaterThan(1);
            assertThat(status.rssKilobytes()).isGreaterThan(0);
        } else {
            assertThat(status).isEqualTo(ProcessStatus.UNKNOWN);
        }
    }

    @Test
    void keepsThePeakOfEachFigure() {
        assertThat(new ProcessStatus(10, 500).max(new ProcessStatus(20, 400))).isEqualTo(new ProcessStatus(20, 500));
    }
}
