package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.offload.OffloadHooks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import net.bytebuddy.asm.Advice;

/**
 * Run a fiber's reads and writes of a file channel on the offload pool.
 *
 * <p>Rewrites {@code sun.nio.ch.FileChannelImpl}, which is behind {@code FileChannel.open}, {@code
 * Files.readAllBytes}, {@code Files.readString}, {@code Files.write}, {@code Files.newInputStream}
 * and {@code Files.newOutputStream}. The class is final, so offloading the call itself is safe.
 */
public final class FileChannelInstrumentation extends JdkMethodInstrumentation {
    private static final String FILE_CHANNEL = "sun.nio.ch.FileChannelImpl";

    public FileChannelInstrumentation() {
        super("file channels (sun.nio.ch.FileChannelImpl)", FILE_CHANNEL,
                Target.of(ReadAdvice.class, "read", ByteBuffer.class.getName()),
                Target.of(ReadAtAdvice.class, "read", ByteBuffer.class.getName(), "long"),
                Target.of(WriteAdvice.class, "write", ByteBuffer.class.getName()),
                Target.of(WriteAtAdvice.class, "write", ByteBuffer.class.getName(), "long"));
    }

    /** Offload {@code read(ByteBuffer)}. */
    static final class ReadAdvice {
        private ReadAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileChannel target, @Advice.Argument(0) ByteBuffer dst) throws IOException {
            return OffloadHooks.offloading() ? OffloadHooks.read(target, dst) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Offload {@code read(ByteBuffer, long)}. */
    static final class ReadAtAdvice {
        private ReadAtAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileChannel target, @Advice.Argument(0) ByteBuffer dst, @Advice.Argument(1) long position) throws IOException {
            return OffloadHooks.offloading() ? OffloadHooks.read(target, dst, position) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Offload {@code write(ByteBuffer)}. */
    static final class WriteAdvice {
        private WriteAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileChannel target, @Advice.Argument(0) ByteBuffer src) throws IOException {
            return OffloadHooks.offloading() ? OffloadHooks.write(target, src) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Offload {@code write(ByteBuffer, long)}. */
    static final class WriteAtAdvice {
        private WriteAtAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileChannel target, @Advice.Argument(0) ByteBuffer src, @Advice.Argument(1) long position) throws IOException {
            return OffloadHooks.offloading() ? OffloadHooks.write(target, src, position) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }
}
