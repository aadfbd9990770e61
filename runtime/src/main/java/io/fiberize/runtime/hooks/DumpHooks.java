package io.fiberize.runtime.hooks;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.dump.DumpProtocol;
import io.fiberize.runtime.dump.FiberDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Answer {@code jcmd <pid> Thread.dump_to_file <file>.fiberize} with the fiber dump: how
 * {@code bin/fiberize dump} asks a fiberized JVM for it.
 *
 * <p>The agent rewrites the JDK's {@code jdk.internal.vm.ThreadDumper.dumpThreadsToFile}, which
 * that diagnostic command runs in the process (on its attach listener thread), to ask {@link
 * #fiberDumpRequested} first: a plain-text dump to a file whose name ends in {@value DumpProtocol#SUFFIX},
 * while the runtime runs, gets {@link FiberDump#ofThisJvm()} instead of the JDK's text. Every
 * other thread dump, and every JSON one, is the JDK's. The command reaches the process over the
 * JDK's attach mechanism, a UNIX-domain socket that only the process's own OS user may use: no
 * port is opened and no agent is loaded.
 */
public final class DumpHooks {
    private DumpHooks() {
    }

    /**
     * Say whether a thread dump to {@code file} is a request for the fiber dump: plain text (not
     * {@code json}), to a {@value DumpProtocol#SUFFIX} file, while the runtime runs.
     *
     * @param overwrite whether the command may replace an existing file (not asked here)
     */
    public static boolean fiberDumpRequested(String file, boolean overwrite, boolean json) {
        return !json && file.endsWith(DumpProtocol.SUFFIX) && FiberRuntime.get() != null;
    }

    /**
     * Write the fiber dump of this JVM to {@code file} and return the command's reply, as the
     * JDK's {@code dumpThreadsToFile} does: the file appears whole (written beside it, then
     * renamed), readable and writable by its owner only.
     *
     * @param overwrite whether an existing {@code file} may be replaced
     * @param json      always false here (see {@link #fiberDumpRequested})
     */
    public static byte[] dumpToFile(String file, boolean overwrite, boolean json) {
        Path path = Path.of(file).toAbsolutePath();
        String reply;
        if (!overwrite && Files.exists(path)) {
            reply = String.format("%s exists, use -overwrite to overwrite%n", path);
        } else {
            try {
                write(path, FiberDump.ofThisJvm());
                reply = String.format("Created %s%n", path);
            } catch (IOException | RuntimeException e) {
                reply = String.format("Failed: %s%n", e);
            }
        }
        return reply.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path path, String text) throws IOException {
        Path temporary = Files.createTempFile(path.getParent(), ".fiberize-dump-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
