package io.fiberize.agent.instrument;

/**
 * Rewrite one class file, or leave it as it is.
 */
@FunctionalInterface
public interface ClassRewrite {

    /**
     * Return the rewritten class file, or {@code null} to leave the class as it is. May throw:
     * the class is then left as it is and the failure reported.
     *
     * @param loader    the class's defining loader; {@code null} for the boot loader
     * @param className the class's name in internal form ({@code java/util/Timer})
     * @param classfile the class file as the JVM would define it
     */
    byte[] apply(ClassLoader loader, String className, byte[] classfile);
}
