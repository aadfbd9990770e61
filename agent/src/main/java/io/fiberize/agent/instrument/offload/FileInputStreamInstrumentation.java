package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.offload.OffloadHooks;
import java.io.FileInputStream;
import java.io.IOException;
import net.bytebuddy.asm.Advice;

/**
 * Run a fiber's reads of a {@code FileInputStream} on the offload pool.
 *
 * <p>A read of a file, a pipe or a terminal ({@code System.in}) is a native call that blocks its
 * thread: on a fiber it would block the loop and every fiber on it.
 */
public final class FileInputStreamInstrumentation extends JdkMethodInstrumentation {

    public FileInputStreamInstrumentation() {
        super("file reads (java.io.FileInputStream)", "java.io.FileInputStream",
                Target.of(ReadByteAdvice.class, "read"),
                Target.of(ReadArrayAdvice.class, "read", "byte[]"),
                Target.of(ReadRangeAdvice.class, "read", "byte[]", "int", "int"));
    }

    /** Offload {@code read()}. */
    static final class ReadByteAdvice {
        private ReadByteAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileInputStream target) throws IOException {
            return OffloadHooks.offloading(target, FileInputStream.class) ? OffloadHooks.read(target) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Offload {@code read(byte[])}. */
    static final class ReadArrayAdvice {
        private ReadArrayAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileInputStream target, @Advice.Argument(0) byte[] b) throws IOException {
            return OffloadHooks.offloading(target, FileInputStream.class) ? OffloadHooks.read(target, b) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Offload {@code read(byte[], int, int)}. */
    static final class ReadRangeAdvice {
        private ReadRangeAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This FileInputStream target, @Advice.Argument(0) byte[] b, @Advice.Argument(1) int off, @Advice.Argument(2) int len) throws IOException {
            return OffloadHooks.offloading(target, FileInputStream.class) ? OffloadHooks.read(target, b, off, len) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }
}
