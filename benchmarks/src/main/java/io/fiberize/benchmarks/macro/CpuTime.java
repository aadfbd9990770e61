package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read the CPU time a process has used, user plus system, from {@code /proc/<pid>/stat}.
 */
final class CpuTime {

    /** Clock ticks per second in {@code /proc/<pid>/stat} ({@code USER_HZ}, 100 on Linux x86-64). */
    static final int TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /**
     * Return the CPU seconds (user + system, all threads) process {@code pid} has used so far.
     *
     * @throws IOException if the process is gone or {@code /proc} cannot be read
     */
    static double secondsOf(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / (double) TICKS_PER_SECOND;
    }

    /**
     * Return {@code utime + stime}, in clock ticks, from the text of a {@code /proc/<pid>/stat} file.
     *
     * <p>The fields are counted from the last {@code ')'}, since the command name before it may hold spaces
     * and parentheses: {@code utime} and {@code stime} are fields 14 and 15 of the line, the 12th and 13th
     * after the name.
     */
    static long ticks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
