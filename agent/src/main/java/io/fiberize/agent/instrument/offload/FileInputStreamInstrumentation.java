package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;

/**
 * Run a fiber's reads of a {@code FileInputStream} on the offload pool.
 *
 * <p>A read of a file, a pipe or a terminal ({@code System.in}) is a native call that blocks its
 * thread: on a fiber it would block the loop and every fiber on it.
 */
public final class FileInputStreamInstrumentation extends JdkMethodInstrumentation {
    private static final Advice READ = Advice.replaceIf(OffloadHooks.class, "offloading", "read");

    public FileInputStreamInstrumentation() {
        super("file reads (java.io.FileInputStream)", "java.io.FileInputStream",
                Target.of(READ, "read"),
                Target.of(READ, "read", "byte[]"),
                Target.of(READ, "read", "byte[]", "int", "int"));
    }
}
