package io.fiberize.agent.options;

/**
 * Choose what happens when fiberize cannot run: a JDK older than 25, or a failure to start.
 */
public enum OnUnsupported {
    /** Say why on standard error and run the application without fibers. */
    WARN,
    /** Say why on standard error and end the JVM with status 3 before the application starts. */
    FAIL
}
