package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.offload.OffloadHooks;
import java.io.FileOutputStream;
import java.io.IOException;
import net.bytebuddy.asm.Advice;

/**
 * Run a fiber's writes to a {@code FileOutputStream} on the offload pool, except to standard
 * output and error.
 *
 * <p>A write to a file or a pipe is a native call that can block its thread. Standard output and
 * error stay on the fiber: programs log through them all the time, a hop to the pool for every
 * line would cost more than it saves, and they do not block unless their reader stalls.
 */
public final class FileOutputStreamInstrumentation extends JdkMethodInstrumentation {

    public FileOutputStreamInstrumentation() {
        super("file writes (java.io.FileOutputStream)", "java.io.FileOutputStream",
                Target.of(WriteByteAdvice.class, "write", "int"),
                Target.of(WriteArrayAdvice.class, "write", "byte[]"),
                Target.of(WriteRangeAdvice.class, "write", "byte[]", "int", "int"));
    }

    /** Offload {@code write(int)}. */
    static final class WriteByteAdvice {
        private WriteByteAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.This FileOutputStream target, @Advice.Argument(0) int b) throws IOException {
            if (OffloadHooks.offloadingWrite(target)) {
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
        static boolean enter(@Advice.This FileOutputStream target, @Advice.Argument(0) byte[] b) throws IOException {
            if (OffloadHooks.offloadingWrite(target)) {
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
        static boolean enter(@Advice.This FileOutputStream target, @Advice.Argument(0) byte[] b, @Advice.Argument(1) int off, @Advice.Argument(2) int len) throws IOException {
            if (OffloadHooks.offloadingWrite(target)) {
                OffloadHooks.write(target, b, off, len);
                return true;
            }
            return false;
        }
    }
}
