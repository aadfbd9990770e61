package io.fiberize.benchmarks.macro;

import io.fiberize.samples.process.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Describe one way to run a server under test: how its JVM is started and what it is called in the tables.
 *
 * @param label the name in the tables and charts, e.g. {@code fiberize loops=1}
 * @param jvmOptions options given to {@code java} before the class path (heap, {@code -javaagent:...})
 * @param classPath the server JVM's class path
 * @param mainClass the server's main class, which takes {@code --port 0} and prints {@code listening on <port>}
 * @param arguments the server's arguments after {@code --port 0}
 */
record Variant(String label, List<String> jvmOptions, String classPath, String mainClass, List<String> arguments) {

    /**
     * Start the server in a JVM of its own with {@code java} and wait until it listens.
     */
    ServerProcess start(Path java) throws IOException, InterruptedException {
        return ServerProcess.start(java, jvmOptions, classPath, mainClass, arguments);
    }

    /**
     * Tell whether the server runs under the fiberize agent, so that it prints loop statistics at exit.
     */
    boolean fiberized() {
        return jvmOptions.stream().anyMatch(option -> option.startsWith("-javaagent:"));
    }
}
