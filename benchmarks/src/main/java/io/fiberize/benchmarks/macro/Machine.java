package io.fiberize.benchmarks.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Describe the machine a report was measured on: CPUs, memory, JDK, kernel, and the limits that cap how many
 * connections and threads a server can have.
 *
 * @param cpus the CPUs this JVM may use (what {@code nproc} says)
 * @param cpuModel the {@code model name} line of {@code /proc/cpuinfo}
 * @param memory the {@code MemTotal} line of {@code /proc/meminfo}
 * @param jdk the JDK every JVM of the run uses: vendor, version and home
 * @param kernel the kernel release
 * @param limits the file-descriptor, thread and port limits in force
 * @param loadAtStart the load averages (1, 5 and 15 minutes) when the harness started
 */
record Machine(int cpus, String cpuModel, String memory, String jdk, String kernel, String limits,
        String loadAtStart) {

    /** The 1-minute load average above which the machine is not idle enough for comparable figures. */
    static final double IDLE_LOAD = 0.5;

    /**
     * Describe this machine.
     */
    static Machine read() {
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.home") + ")";
        String limits = "open files per process (soft/hard) " + openFileLimit()
                + ", fs.nr_open " + file("/proc/sys/fs/nr_open")
                + ", kernel.pid_max " + file("/proc/sys/kernel/pid_max")
                + ", kernel.threads-max " + file("/proc/sys/kernel/threads-max")
                + ", ephemeral ports " + file("/proc/sys/net/ipv4/ip_local_port_range").replace('\t', '-')
                + ", net.core.somaxconn " + file("/proc/sys/net/core/somaxconn");
        return new Machine(Runtime.getRuntime().availableProcessors(),
                field("/proc/cpuinfo", "model name").orElse("unknown"),
                field("/proc/meminfo", "MemTotal").orElse("unknown"), jdk,
                file("/proc/sys/kernel/osrelease"), limits, loadAverage());
    }

    /**
     * Return the load averages over 1, 5 and 15 minutes now, e.g. {@code 0.12 0.30 0.41}.
     */
    static String loadAverage() {
        String[] fields = file("/proc/loadavg").split("\\s+");
        return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    /**
     * Tell whether the 1-minute load average at start was low enough for the machine to count as idle.
     */
    boolean idleAtStart() {
        try {
            return Double.parseDouble(loadAtStart.split(" ")[0]) <= IDLE_LOAD;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Render the description as a Markdown list.
     */
    String markdown() {
        return "- CPUs: " + cpus + " (`nproc`), " + cpuModel + "\n"
                + "- Memory: " + memory + "\n"
                + "- JDK: " + jdk + "\n"
                + "- Kernel: Linux " + kernel + "\n"
                + "- Limits: " + limits + "\n";
    }

    private static String openFileLimit() {
        return lines("/proc/self/limits").stream()
                .filter(line -> line.startsWith("Max open files"))
                .map(line -> line.substring("Max open files".length()).trim().split("\\s+"))
                .map(words -> words[0] + "/" + words[1])
                .findFirst().orElse("unknown");
    }

    private static Optional<String> field(String path, String name) {
        return lines(path).stream()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static String file(String path) {
        return String.join(" ", lines(path)).trim();
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of("unknown");
        }
    }
}
