package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;

/**
 * Run a fiber's writes to a child process's standard input on the offload pool.
 *
 * <p>{@code Process.getOutputStream()} is a {@code BufferedOutputStream} over {@code
 * java.lang.Process$PipeOutputStream}, a {@code FileOutputStream} subclass that overrides the
 * writes, as {@link ProcessPipeInputStreamInstrumentation} explains for reads. A write blocks
 * while the child does not read and the pipe is full: it goes to the pool's unbounded lane.
 */
public final class ProcessPipeOutputStreamInstrumentation extends JdkMethodInstrumentation {
    private static final Advice WRITE = Advice.replaceIf(OffloadHooks.class, "offloadingWrite", "write");

    public ProcessPipeOutputStreamInstrumentation() {
        super("child process input writes (java.lang.Process$PipeOutputStream)", "java.lang.Process$PipeOutputStream",
                Target.of(WRITE, "write", "int"),
                Target.of(WRITE, "write", "byte[]"),
                Target.of(WRITE, "write", "byte[]", "int", "int"));
    }
}
