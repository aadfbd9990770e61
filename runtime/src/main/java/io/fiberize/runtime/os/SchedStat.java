package io.fiberize.runtime.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read how long a thread of this process has waited for a CPU, from Linux's
 * {@code /proc/self/task/<tid>/schedstat}.
 *
 * <p>The watchdog needs to tell a carrier that blocks (it neither runs nor waits to run) from one
 * the operating system does not schedule (it waits in a run queue, as on an overloaded machine):
 * the JVM's own thread states and CPU times cannot, since both are {@code RUNNABLE} with little
 * CPU time. Where {@code /proc} is not there, every method says so by returning -1.
 */
public final class SchedStat {
    private SchedStat() {
    }

    /**
     * Return the operating system's id of the calling thread, or -1 if it cannot be read.
     */
    public static int currentTid() {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>".
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(self.getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return -1;
        }
    }

    /**
     * Return the nanoseconds thread {@code tid} of this process has spent runnable but waiting
     * for a CPU since it started, or -1 if they cannot be read.
     */
    public static long waitingNanos(int tid) {
        if (tid < 0) {
            return -1;
        }
        try {
            return parseWaitingNanos(Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat")));
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /**
     * Read the run-queue wait from a {@code schedstat} line: time on a CPU, time waiting in a
     * run queue (both in nanoseconds), time slices; -1 if the line is not of that form.
     */
    static long parseWaitingNanos(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 2) {
            return -1;
        }
        try {
            return Long.parseLong(fields[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
