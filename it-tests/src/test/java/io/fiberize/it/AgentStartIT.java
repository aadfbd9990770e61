package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import example.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start a program packaged in a jar under the agent at every log level.
 *
 * <p>Reading a jar goes through the JDK file classes the agent rewrites: a program on a jar once
 * died with a {@code ClassCircularityError} at the default log level, while every test ran its
 * programs from a directory at {@code log=info}.
 */
class AgentStartIT {

    @ParameterizedTest
    @ValueSource(strings = {"", "log=off", "log=warn", "log=info", "log=debug"})
    void aProgramInAJarStartsAndRuns(String options, @TempDir Path dir) throws Exception {
        Path jar = dir.resolve("greeter.jar");
        String entry = Greeter.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            Files.copy(Path.of(BuildOutputs.programsClassPath(), entry), out);
            out.closeEntry();
        }
        ForkedJvm.Result result = ForkedJvm.jdk25().agent(options.isEmpty() ? null : options)
                .classPath(jar.toString()).run(Greeter.class.getName());
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains(Greeter.MARKER);
        assertThat(result.stderr()).as("%s", result).doesNotContain("Exception", "Error:", "could not rewrite");
    }
}
