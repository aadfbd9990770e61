package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build a copy of a user's Maven project (one of {@code src/test/projects}) with the Maven running this
 * build, its local repository, and the versions of this build's plugins and libraries.
 *
 * <p>The project names the versions it needs as properties ({@code ${fiberize.version}},
 * {@code ${surefire.version}}, ...); {@link #build} passes each with {@code -D}, as Failsafe passed it to
 * this JVM (see this module's pom), so the nested build needs nothing that this build did not fetch.
 */
final class UserProject {

    /** The properties a project may use, each set by this module's pom. */
    private static final List<String> VERSIONS = List.of("fiberize.version", "junit.version", "postgresql.version",
            "jacoco.version", "toolchains-plugin.version", "resources-plugin.version", "compiler-plugin.version",
            "surefire.version", "jar-plugin.version");

    private final Path dir;

    private UserProject(Path dir) {
        this.dir = dir;
    }

    /**
     * Copy the project {@code name} into {@code parent}.
     */
    static UserProject copy(String name, Path parent) throws IOException {
        Path source = Path.of(property("fiberize.projects.dir"), name);
        Path target = parent.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
            }
        }
        return new UserProject(target);
    }

    /**
     * Return the directory of the copy.
     */
    Path dir() {
        return dir;
    }

    /**
     * Run {@code mvn -B} with {@code arguments} (phases, {@code -D} options) on the copy and wait for it to end.
     */
    ForkedJvm.Result build(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(property("fiberize.maven.home"), "bin", "mvn").toString(),
                "-B", "-f", dir.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + property("fiberize.maven.repository")));
        VERSIONS.forEach(name -> command.add("-D" + name + "=" + property(name)));
        command.addAll(List.of(arguments));
        return HostCommand.run(command.toArray(String[]::new));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by Failsafe; run through mvn verify)", name).isNotBlank();
        return value;
    }
}
