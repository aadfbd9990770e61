package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.CallSiteRewrite;
import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Rewrite the calls that the JDK's own {@code sun.nio.ch} classes make of chosen methods: the
 * shared shape of the rewrites of methods that cannot be changed themselves (native ones) or must
 * stay as they are.
 *
 * <p>A subclass names the classes of JDK 25 known to make the calls (retransformed when already
 * loaded; any other class of the package that makes them is rewritten as it loads) and the calls.
 * The check finds the callers without loading them: one loaded now would have to be
 * retransformed, where one loaded later is rewritten as it loads, and most programs never load
 * some of them.
 */
abstract class JdkCallerInstrumentation implements TypeInstrumentation {
    private static final String PACKAGE = "sun/nio/ch/";

    private final String name;
    private final List<String> callers;

    JdkCallerInstrumentation(String name, List<String> callers) {
        this.name = name;
        this.callers = List.copyOf(callers);
    }

    /** Return the calls to rewrite. @throws IllegalStateException naming what is gone */
    abstract CallSiteRewrite calls();

    /** Say whether {@code className} (internal form, in {@code sun.nio.ch}) is rewritten; all are by default. */
    boolean rewrites(String className) {
        return true;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> jdkTargets() {
        return callers;
    }

    @Override
    public final String check() {
        try {
            calls();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        return missing();
    }

    @Override
    public final ClassRewrite rewrite(AgentOptions options) {
        CallSiteRewrite calls = calls();
        return (loader, className, classfile) -> loader == null && className.startsWith(PACKAGE) && rewrites(className)
                ? calls.rewrite(null, classfile) : null;
    }

    /** Return the JDK class {@code className} without initializing it. @throws IllegalStateException if it is gone */
    static Class<?> jdkClass(String className) {
        try {
            return Class.forName(className, false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is gone", e);
        }
    }

    /** Say which caller, a class of {@code java.base}, is gone or unreadable, or return {@code null}. */
    private String missing() {
        for (String caller : callers) {
            String classFile = caller.replace('.', '/') + ".class";
            try (InputStream in = Object.class.getModule().getResourceAsStream(classFile)) {
                if (in == null) {
                    return caller + " is gone";
                }
            } catch (IOException e) {
                return caller + " cannot be read: " + e;
            }
        }
        return null;
    }
}
