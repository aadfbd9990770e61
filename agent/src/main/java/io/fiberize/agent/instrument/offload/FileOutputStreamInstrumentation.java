package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;

/**
 * Run a fiber's writes to a {@code FileOutputStream} on the offload pool, except to standard
 * output and error.
 *
 * <p>A write to a file or a pipe is a native call that can block its thread. Standard output and
 * error stay on the fiber: programs log through them all the time, a hop to the pool for every
 * line would cost more than it saves, and they do not block unless their reader stalls.
 */
public final class FileOutputStreamInstrumentation extends JdkMethodInstrumentation {
    private static final Advice WRITE = Advice.replaceIf(OffloadHooks.class, "offloadingWrite", "write");

    public FileOutputStreamInstrumentation() {
        super("file writes (java.io.FileOutputStream)", "java.io.FileOutputStream",
                Target.of(WRITE, "write", "int"),
                Target.of(WRITE, "write", "byte[]"),
                Target.of(WRITE, "write", "byte[]", "int", "int"));
    }
}
