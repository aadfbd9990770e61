package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.offload.OffloadHooks;
import java.io.RandomAccessFile;
import java.io.IOException;
import net.bytebuddy.asm.Advice;

/**
 * Run a fiber's reads and writes of a {@code RandomAccessFile} on the offload pool.
 */
public final class RandomAccessFileInstrumentation extends JdkMethodInstrumentation {

    public RandomAccessFileInstrumentation() {
        super("random-access file I/O (java.io.RandomAccessFile)", "java.io.RandomAccessFile",
                Target.of(ReadByteAdvice.class, "read"),
                Target.of(ReadArrayAdvice.class, "read", "byte[]"),
                Target.of(ReadRangeAdvice.class, "read", "byte[]", "int", "int"),
                Target.of(WriteByteAdvice.class, "write", "int"),
                Target.of(WriteArrayAdvice.class, "write", "byte[]"),
                Target.of(WriteRangeAdvice.class, "write", "byte[]", "int", "int"));
    }

    /** Offload {@code read()}. */
    static final class ReadByteAdvice {
        private ReadByteAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Integer enter(@Advice.This RandomAccessFile target) throws IOException {
            return OffloadHooks.offloading(target, RandomAccessFile.class) ? OffloadHooks.read(target) : null;
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
        static Integer enter(@Advice.This RandomAccessFile target, @Advice.Argument(0) byte[] b) throws IOException {
            return OffloadHooks.offloading(target, RandomAccessFile.class) ? OffloadHooks.read(target, b) : null;
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
        static Integer enter(@Advice.This RandomAccessFile target, @Advice.Argument(0) byte[] b, @Advice.Argument(1) int off, @Advice.Argument(2) int len) throws IOException {
            return OffloadHooks.offloading(target, RandomAccessFile.class) ? OffloadHooks.read(target, b, off, len) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Integer offloaded, @Advice.Return(readOnly = false) int returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Offload {@code write(int)}. */
    static final class WriteByteAdvice {
        private WriteByteAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This RandomAccessFile target, @Advice.Argument(0) int b) throws IOException {
            if (OffloadHooks.offloading(target, RandomAccessFile.class)) {
                OffloadHooks.write(target, b);
                return true;
            }
            return false;
        }
    }

    /** Offload {@code write(byte[])}. */
    static final class WriteArrayAdvice {
        private WriteArrayAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This RandomAccessFile target, @Advice.Argument(0) byte[] b) throws IOException {
            if (OffloadHooks.offloading(target, RandomAccessFile.class)) {
                OffloadHooks.write(target, b);
                return true;
            }
            return false;
        }
    }

    /** Offload {@code write(byte[], int, int)}. */
    static final class WriteRangeAdvice {
        private WriteRangeAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This RandomAccessFile target, @Advice.Argument(0) byte[] b, @Advice.Argument(1) int off, @Advice.Argument(2) int len) throws IOException {
            if (OffloadHooks.offloading(target, RandomAccessFile.class)) {
                OffloadHooks.write(target, b, off, len);
                return true;
            }
            return false;
        }
    }
}
