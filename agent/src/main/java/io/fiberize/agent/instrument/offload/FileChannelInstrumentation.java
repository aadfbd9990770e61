package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;
import java.nio.ByteBuffer;

/**
 * Run a fiber's reads and writes of a file channel on the offload pool.
 *
 * <p>Rewrites {@code sun.nio.ch.FileChannelImpl}, which is behind {@code FileChannel.open}, {@code
 * Files.readAllBytes}, {@code Files.readString}, {@code Files.write}, {@code Files.newInputStream}
 * and {@code Files.newOutputStream}.
 */
public final class FileChannelInstrumentation extends JdkMethodInstrumentation {
    private static final Advice READ = Advice.replaceIf(OffloadHooks.class, "offloading", "read");
    private static final Advice WRITE = Advice.replaceIf(OffloadHooks.class, "offloading", "write");

    public FileChannelInstrumentation() {
        super("file channels (sun.nio.ch.FileChannelImpl)", "sun.nio.ch.FileChannelImpl",
                Target.of(READ, "read", ByteBuffer.class.getName()),
                Target.of(READ, "read", ByteBuffer.class.getName(), "long"),
                Target.of(WRITE, "write", ByteBuffer.class.getName()),
                Target.of(WRITE, "write", ByteBuffer.class.getName(), "long"));
    }
}
