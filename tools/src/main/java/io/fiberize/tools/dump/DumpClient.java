package io.fiberize.tools.dump;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.fiberize.runtime.dump.DumpProtocol;
import io.fiberize.runtime.dump.FiberDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Print the fiber dump of another JVM of this user: what {@code bin/fiberize dump <pid>} runs.
 *
 * <p>What a fiber waits on (its socket and direction, its timer) and which loop a parked fiber
 * belongs to live only inside the process: the JDK's JSON thread dump cannot carry them. So the
 * process writes the dump itself, and this is all that is done to it:
 * <ol>
 * <li>it is attached to with the JDK's attach API, which talks to the JVM's attach listener over a
 * UNIX-domain socket that only the process's own OS user (or root) may connect to, and its system
 * properties are read: {@value DumpProtocol#VERSION_PROPERTY} is set when fiberize runs in it;
 * <li>{@code jcmd <pid> Thread.dump_to_file <private directory>/fibers.fiberize} is run: over the
 * same socket, the JVM runs the JDK's thread dumper, which the agent has rewritten to write the
 * fiber dump to a {@code .fiberize} file instead (see {@code DumpHooks}); this prints it and
 * deletes it.
 * </ol>
 * No port is opened and nothing is loaded into the process. Loading the agent jar again with
 * {@code VirtualMachine.loadAgent} would be simpler, but on JDK 25 it prints "WARNING: A Java
 * agent has been loaded dynamically" on the process's standard error (JEP 451) even when the jar is
 * the one it started with {@code -javaagent}, and leaves one more JVMTI agent in it per dump.
 *
 * <p>A process without fiberize gets the JDK's JSON thread dump ({@code jcmd <pid>
 * Thread.dump_to_file -format=json}), summarised here: fibers with their stacks and park
 * blockers, but a parked fiber's loop and socket unknown.
 */
public final class DumpClient {
    private static final String NO_RUNTIME = "(no fiberize runtime in the process: the JDK's thread dump only)\n";

    private DumpClient() {
    }

    /**
     * Print the fiber dump of the JVM whose process id is {@code args[0]}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].matches("[0-9]+")) {
            System.err.println("usage: java -cp fiberize-tools.jar:fiberize-runtime.jar " + DumpClient.class.getName()
                    + " <pid>");
            System.exit(2);
        }
        String pid = args[0];
        Properties properties;
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                properties = vm.getSystemProperties();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException e) {
            System.err.println("fiberize: cannot attach to " + pid + " (is it a running JVM of this user?): " + e);
            System.exit(1);
            return;
        }
        try {
            System.out.print(dump(pid, properties.getProperty(DumpProtocol.VERSION_PROPERTY) != null));
        } catch (IOException e) {
            System.err.println("fiberize: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Return the fiber dump of JVM {@code pid}: its own when {@code fiberized}, else the summary
     * of the JDK's JSON thread dump; the dump's file is written in a directory of its own that only
     * this user can read, deleted afterwards.
     */
    private static String dump(String pid, boolean fiberized) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("fiberize-dump-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            if (fiberized) {
                return threadDump(pid, directory.resolve("fibers" + DumpProtocol.SUFFIX));
            }
            return NO_RUNTIME + FiberDump.summarise(threadDump(pid, directory.resolve("threads.json"), "-format=json"),
                    Map.of());
        } finally {
            Files.deleteIfExists(directory);
        }
    }

    /**
     * Have JVM {@code pid} write a thread dump to {@code file} with {@code jcmd}, and return it; the
     * file is deleted.
     *
     * @throws IOException saying what jcmd said, when it wrote no dump
     */
    private static String threadDump(String pid, Path file, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid, "Thread.dump_to_file"));
        command.addAll(List.of(options));
        command.add(file.toString());
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (jcmd.waitFor() != 0 || !Files.exists(file)) {
                throw new IOException("jcmd did not dump the threads of " + pid + ": " + said.strip());
            }
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
