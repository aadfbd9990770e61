package io.fiberize.runtime.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Thread.dump_to_file} to a {@code .fiberize} file writes the fiber dump, whole and private.
 */
class DumpHooksTest {

    @Test
    void withoutTheRuntimeEveryThreadDumpIsTheJdks() {
        assertThat(DumpHooks.fiberDumpRequested("/tmp/x.fiberize", false, false)).isFalse();
    }

    @Test
    void theDumpAppearsWholeReadableByItsOwnerOnly(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("fibers.fiberize");
        String reply = new String(DumpHooks.dumpToFile(file.toString(), false, false), StandardCharsets.UTF_8);
        assertThat(reply).isEqualTo("Created " + file + System.lineSeparator());
        assertThat(Files.readString(file)).startsWith("fiberize dump of process " + ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAskedTo(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("fibers.fiberize"), "old");
        String reply = new String(DumpHooks.dumpToFile(file.toString(), false, false), StandardCharsets.UTF_8);
        assertThat(reply).isEqualTo(file + " exists, use -overwrite to overwrite" + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo("old");
        DumpHooks.dumpToFile(file.toString(), true, false);
        assertThat(Files.readString(file)).startsWith("fiberize dump of process ");
    }
}
