package io.fiberize.runtime.dump;

/**
 * Name what a dump client and a fiberized JVM agree on: how the client tells that fiberize runs
 * there, and how it asks for the fiber dump instead of the JDK's thread dump.
 */
public final class DumpProtocol {
    /** The end of the name of a file that {@code Thread.dump_to_file} writes the fiber dump to. */
    public static final String SUFFIX = ".fiberize";
    /**
     * The system property the agent sets, to its version, once the runtime runs and the dump hook
     * is in place. Not under {@code fiberize.}, where every property is an agent option.
     */
    public static final String VERSION_PROPERTY = "io.fiberize.version";

    private DumpProtocol() {
    }
}
