package io.fiberize.benchmarks.macro;

import io.fiberize.samples.process.ProcessStatus;
import io.fiberize.samples.process.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Run one variant's server for one measurement: its CPU time over the measured window, its peak threads and
 * resident memory during that window, and, under fiberize, the loop statistics it prints at exit.
 */
final class MeasuredServer implements AutoCloseable {

    private final Variant variant;
    private final ServerProcess process;
    private double windowStart;
    private double windowEnd;
    private ProcessStatus peak = ProcessStatus.UNKNOWN;
    private boolean closed;

    private MeasuredServer(Variant variant, ServerProcess process) throws IOException {
        this.variant = variant;
        this.process = process;
        this.windowStart = CpuTime.secondsOf(process.pid());
        this.windowEnd = windowStart;
    }

    /**
     * Start {@code variant}'s server with {@code java} and wait until it listens.
     */
    static MeasuredServer start(Variant variant, Path java) throws IOException, InterruptedException {
        ServerProcess process = variant.start(java);
        try {
            return new MeasuredServer(variant, process);
        } catch (IOException e) {
            process.close();
            throw e;
        }
    }

    /**
     * Return the port the server listens on.
     */
    int port() {
        return process.port();
    }

    /**
     * Return the server JVM's process id.
     */
    long pid() {
        return process.pid();
    }

    /**
     * Tell whether the server's JVM is still running.
     */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Mark the start of the measured window: the CPU time used so far is not counted.
     */
    void beginWindow() throws IOException {
        windowStart = CpuTime.secondsOf(process.pid());
        windowEnd = windowStart;
    }

    /**
     * Read the server's threads and resident memory now, for the peak, and mark the end of the window so far.
     */
    void sampleAndEndWindow() throws IOException {
        peak = peak.max(process.sample());
        windowEnd = CpuTime.secondsOf(process.pid());
    }

    /**
     * Return the CPU seconds (user + system) the server used between {@link #beginWindow} and the last
     * {@link #sampleAndEndWindow}.
     */
    double windowCpuSeconds() {
        return windowEnd - windowStart;
    }

    /**
     * Return the largest thread count and resident memory seen by {@link #sampleAndEndWindow}.
     */
    ProcessStatus peak() {
        return peak;
    }

    /**
     * Return the lines the server has written to its standard error so far.
     */
    List<String> errorLines() {
        return process.errorLines();
    }

    /**
     * Stop the server and return the fiber resumes from JDK helper threads it reported at exit; empty if it
     * does not run under fiberize.
     *
     * @throws IOException if it runs under fiberize but printed no exit report
     */
    OptionalLong stopAndReadJdkHelperResumes() throws IOException {
        close();
        if (!variant.fiberized()) {
            return OptionalLong.empty();
        }
        ExitStats stats = ExitStats.find(process.errorLines()).orElseThrow(() -> new IOException(
                "the server ran under fiberize with log=info but printed no 'fiberize: at exit:' line"));
        return OptionalLong.of(stats.jdkHelperResumes());
    }

    /**
     * Stop the server (SIGTERM, so that its shutdown hooks run), once.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            process.close();
        }
    }
}
