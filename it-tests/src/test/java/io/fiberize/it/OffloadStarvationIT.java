package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Blocking calls that may never return (reads of pipes, FIFOs, a child process's output) neither
 * starve the other offloaded calls nor pin the loop, and stay interruptible exactly as on a thread.
 */
class OffloadStarvationIT {

    @Test
    void fileIoCompletesWhileMoreReadersThanOffloadWorkersWaitOnFifos() throws Exception {
        Fiberized runs = Fiberized.run("programs.FifoReadersAndFiles", "72").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("file I/O while the FIFO readers wait: written while 72 readers wait")
                .contains("72 of 72 readers read their FIFO");
        ExitReport report = runs.report();
        assertThat(report.get("offloadCalls")).as("%s", report).isGreaterThanOrEqualTo(72 + 2);
        assertThat(report.get("stalls")).as("%s", report).isZero();
    }

    @Test
    void anInterruptReachesAFileChannelReadOfAFifoAndNotAFileInputStreamRead() throws Exception {
        Fiberized runs = Fiberized.run("programs.FifoInterrupts").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("channel read still blocked after the interrupt: false")
                .contains("channel read: java.nio.channels.ClosedByInterruptException, interrupted after: true")
                .contains("stream read still blocked after the interrupt: true")
                .contains("stream read: read data after the interrupt, interrupted after: true");
        assertThat(runs.report().get("offloadCalls")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void readsOfChildProcessOutputNeitherPinTheLoopNorStartCarriers() throws Exception {
        Fiberized runs = Fiberized.run("programs.ChildProcessOutputs", "100").sameOutput();
        assertThat(runs.fiberized().stdout()).contains("0: child 0, exit 0").contains("99: child 99, exit 0");
        assertThat(runs.fiberized().stderr()).as("watchdog warnings").doesNotContain(" stalled for ");
        ExitReport report = runs.report();
        assertThat(report.get("stalls")).as("%s", report).isZero();
        assertThat(report.get("compensations")).as("%s", report).isZero();
        // 100 writes of the children's input, and reads of their output.
        assertThat(report.get("offloadCalls")).as("%s", report).isGreaterThan(100);
        // Plainly one thread per child blocks in a read (and the JDK reaps each child on a thread
        // of its own, both ways); under the agent the readers wait on the loop's epoll.
        assertThat(runs.fiberizedNumber("peak OS threads:"))
                .isLessThan(peakOsThreads(runs.plain()) - 50);
    }

    private static long peakOsThreads(ForkedJvm.Result run) {
        Matcher m = Pattern.compile("peak OS threads: (\\d+)").matcher(run.stderr());
        assertThat(m.find()).as("%s", run).isTrue();
        return Long.parseLong(m.group(1));
    }
}
