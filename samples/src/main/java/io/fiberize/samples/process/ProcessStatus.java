package io.fiberize.samples.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Read a process's OS thread count and resident memory, as Linux reports them in {@code /proc/<pid>/status}.
 *
 * @param threads the {@code Threads:} line: OS threads in the process
 * @param rssKilobytes the {@code VmRSS:} line: resident memory, in kB
 */
public record ProcessStatus(int threads, long rssKilobytes) {

    /** What is reported where {@code /proc} cannot be read (not Linux, or the process is gone). */
    public static final ProcessStatus UNKNOWN = new ProcessStatus(-1, -1);

    /**
     * Read the status of process {@code pid}, or {@link #UNKNOWN} if it cannot be read.
     */
    public static ProcessStatus of(long pid) {
        try {
            return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * Read the status from the lines of a {@code /proc/<pid>/status} file.
     */
    public static ProcessStatus parse(List<String> lines) {
        int threads = -1;
        long rss = -1;
        for (String line : lines) {
            if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(firstWord(line));
            } else if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(firstWord(line));
            }
        }
        return new ProcessStatus(threads, rss);
    }

    /**
     * Keep the larger of each figure, for a peak over several readings.
     */
    public ProcessStatus max(ProcessStatus other) {
        return new ProcessStatus(Math.max(threads, other.threads), Math.max(rssKilobytes, other.rssKilobytes));
    }

    /**
     * Format the thread count, or {@code n/a}.
     */
    public String threadsText() {
        return threads < 0 ? "n/a" : Integer.toString(threads);
    }

    /**
     * Format the resident memory in megabytes, or {@code n/a}.
     */
    public String rssText() {
        return rssKilobytes < 0 ? "n/a" : rssKilobytes / 1024 + " MB";
    }

    private static String firstWord(String line) {
        return line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0];
    }
}
