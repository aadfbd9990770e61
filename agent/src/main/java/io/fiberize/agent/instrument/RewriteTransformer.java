package io.fiberize.agent.instrument;

import io.fiberize.runtime.config.RuntimeLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Apply every rewrite to each class as it loads or is retransformed; count the classes changed and
 * report each class that could not be changed, once.
 *
 * <p>A class whose rewrite fails is left entirely as it was, even if another rewrite of it
 * succeeded: the application never sees half a rewrite, nor an exception of ours.
 */
final class RewriteTransformer implements ClassFileTransformer {
    private final List<ClassRewrite> rewrites;
    private final AtomicInteger rewritten;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    /** Apply {@code rewrites} in order, counting the classes changed in {@code rewritten}. */
    RewriteTransformer(List<ClassRewrite> rewrites, AtomicInteger rewritten) {
        this.rewrites = List.copyOf(rewrites);
        this.rewritten = rewritten;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classfile) {
        if (className == null) {
            return null;
        }
        byte[] result = null;
        try {
            for (ClassRewrite rewrite : rewrites) {
                byte[] changed = rewrite.apply(loader, className, result == null ? classfile : result);
                if (changed != null) {
                    result = changed;
                }
            }
        } catch (RuntimeException | Error e) {
            if (failed.add(className)) {
                RuntimeLog.warn("could not rewrite " + className.replace('/', '.') + "; it runs unchanged (" + e + ")");
            }
            return null;
        }
        if (result != null) {
            rewritten.incrementAndGet();
            RuntimeLog.debug("rewrote " + className.replace('/', '.'));
        }
        return result;
    }
}
