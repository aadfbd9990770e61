package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * Locate what the build made for the forked JVMs: the agent jar, the samples, the test programs.
 *
 * <p>Failsafe passes each location as a system property (see this module's pom).
 */
final class BuildOutputs {

    private BuildOutputs() {
    }

    /**
     * Return {@code agent/target/fiberize.jar}, which must exist.
     */
    static Path agentJar() {
        Path jar = Path.of(property("fiberize.agent.jar")).toAbsolutePath().normalize();
        assertThat(jar).as("the agent jar (built by the agent module's package phase)").isRegularFile();
        return jar;
    }

    /**
     * Return the class path of the samples, with their dependencies.
     */
    static String samplesClassPath() {
        return property("fiberize.samples.classpath");
    }

    /**
     * Return the directory of the test programs (package {@code example}).
     */
    static String programsClassPath() {
        return property("fiberize.programs.classes");
    }

    /**
     * Return the class path of the test programs followed by the third-party libraries they use (PostgreSQL
     * JDBC, Jedis, Apache HttpClient, NanoHTTPD) with their dependencies.
     */
    static String programsWithLibrariesClassPath() {
        return programsClassPath() + java.io.File.pathSeparator + property("fiberize.libraries.classpath");
    }

    /**
     * Return the class path of the test programs followed by fiberize-junit and JUnit 5 with its launcher.
     */
    static String programsWithJUnitClassPath() {
        return programsClassPath() + java.io.File.pathSeparator + property("fiberize.junit.classpath");
    }

    /**
     * Return the jar of the compatibility application {@code name} (module {@code apps/<name>}, which
     * builds {@code target/<name>.jar} the ordinary way for its stack), which must exist.
     */
    static Path appJar(String name) {
        Path jar = Path.of(property("fiberize.apps.dir"), name, "target", name + ".jar").toAbsolutePath().normalize();
        assertThat(jar).as("the application jar of apps/%s (built by its package phase)", name).isRegularFile();
        return jar;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by Failsafe; run through mvn verify)", name).isNotBlank();
        return value;
    }
}
