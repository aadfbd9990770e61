package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;

/**
 * Run a fiber's reads and writes of a {@code RandomAccessFile} on the offload pool.
 */
public final class RandomAccessFileInstrumentation extends JdkMethodInstrumentation {
    private static final Advice READ = Advice.replaceIf(OffloadHooks.class, "offloading", "read");
    private static final Advice WRITE = Advice.replaceIf(OffloadHooks.class, "offloading", "write");

    public RandomAccessFileInstrumentation() {
        super("random-access file I/O (java.io.RandomAccessFile)", "java.io.RandomAccessFile",
                Target.of(READ, "read"),
                Target.of(READ, "read", "byte[]"),
                Target.of(READ, "read", "byte[]", "int", "int"),
                Target.of(WRITE, "write", "int"),
                Target.of(WRITE, "write", "byte[]"),
                Target.of(WRITE, "write", "byte[]", "int", "int"));
    }
}
