package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;

/**
 * Run a fiber's reads of a child process's standard output and error on the offload pool.
 *
 * <p>{@code Process.getInputStream()} and {@code getErrorStream()} are a {@code BufferedInputStream}
 * over {@code java.lang.Process$PipeInputStream}, a {@code FileInputStream} subclass whose reads
 * override {@code FileInputStream}'s (to call the JDK's {@code Blocker}) and then call them through
 * {@code super}. The rewrite of {@code FileInputStream} leaves subclasses alone, so these overrides
 * are rewritten themselves. A read waits for the child to write, possibly for ever: it goes to the
 * pool's unbounded lane.
 */
public final class ProcessPipeInputStreamInstrumentation extends JdkMethodInstrumentation {
    private static final Advice READ = Advice.replaceIf(OffloadHooks.class, "offloading", "read");

    public ProcessPipeInputStreamInstrumentation() {
        super("child process output reads (java.lang.Process$PipeInputStream)", "java.lang.Process$PipeInputStream",
                Target.of(READ, "read"),
                Target.of(READ, "read", "byte[]"),
                Target.of(READ, "read", "byte[]", "int", "int"));
    }
}
