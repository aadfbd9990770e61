package io.fiberize.samples.demo;

import java.util.List;

/**
 * Describe one way to run the same server: a label for the table and the JVM options that make it.
 *
 * @param label the column heading, e.g. {@code with fiberize}
 * @param jvmOptions options given to {@code java} before the class path, e.g. {@code -javaagent:...}
 */
record ServerSetup(String label, List<String> jvmOptions) {
}
