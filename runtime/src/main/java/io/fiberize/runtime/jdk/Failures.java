package io.fiberize.runtime.jdk;

import java.io.IOException;

/**
 * Turn what a method handle into the JDK threw back into what its caller may throw.
 */
final class Failures {
    private Failures() {
    }

    /**
     * Return {@code t} as an {@link IOException} to throw, or throw it if it is unchecked.
     */
    static IOException io(Throwable t) {
        if (t instanceof IOException e) {
            return e;
        }
        throw unchecked(t);
    }

    /**
     * Return {@code t} as a {@link RuntimeException} to throw: itself, or wrapped if checked;
     * throw it if it is an {@link Error}.
     */
    static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
