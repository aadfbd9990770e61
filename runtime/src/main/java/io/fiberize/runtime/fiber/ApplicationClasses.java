package io.fiberize.runtime.fiber;

import java.util.ArrayList;
import java.util.List;

/**
 * Tell the classes whose threads become fibers: application classes (not the JDK's, not
 * fiberize's own), narrowed by the {@code include} and {@code exclude} options.
 *
 * <p>The agent asks it for each class that loads (is its {@code new Thread(...)} rewritten?) and
 * the runtime for each {@code Thread} subclass that starts (is it run by a fiber?).
 */
public final class ApplicationClasses {
    private final List<String> include;
    private final List<String> exclude;

    /**
     * @param include class-name prefixes ({@code com.example.}) to take; empty takes all
     * @param exclude class-name prefixes to leave out, whatever {@code include} says
     */
    public ApplicationClasses(List<String> include, List<String> exclude) {
        this.include = internalForm(include);
        this.exclude = internalForm(exclude);
    }

    /** Take every application class. */
    public static ApplicationClasses all() {
        return new ApplicationClasses(List.of(), List.of());
    }

    /**
     * Say whether {@code className} (internal form, {@code com/example/Main}), defined by {@code
     * loader}, is an application class that the options let through.
     */
    public boolean contain(ClassLoader loader, String className) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()
                || className.startsWith("io/fiberize/agent/") || className.startsWith("io/fiberize/runtime/")) {
            return false;
        }
        for (String prefix : exclude) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (String prefix : include) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Say whether {@code type} is an application class that the options let through. */
    public boolean contain(Class<?> type) {
        return contain(type.getClassLoader(), type.getName().replace('.', '/'));
    }

    private static List<String> internalForm(List<String> prefixes) {
        List<String> internal = new ArrayList<>();
        for (String prefix : prefixes) {
            internal.add(prefix.replace('.', '/'));
        }
        return List.copyOf(internal);
    }
}
