package io.fiberize.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Tell the classes whose threads become fibers: application classes (not the JDK's, not
 * fiberize's own), narrowed by the {@code include} and {@code exclude} options, less the
 * libraries' threads that run their own event loop.
 *
 * <p>The agent asks it for each class that loads (is its {@code new Thread(...)} rewritten?) and
 * the runtime for each {@code Thread} subclass that starts (is it run by a fiber?).
 */
public final class ApplicationClasses {
    private final List<String> include;
    private final List<String> exclude;
    private final List<OwnLoopThreads> ownLoops;
    private final ClassValue<OwnLoopThreads> ownLoopOf = new ClassValue<>() {
        @Override
        protected OwnLoopThreads computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Thread.class; c = c.getSuperclass()) {
                for (OwnLoopThreads kind : ownLoops) {
                    if (kind.threadClass().equals(c.getName())) {
                        RuntimeLog.info("threads of " + type.getName() + " (" + kind.library()
                                + ") stay platform threads: " + kind.reason() + "; include=" + kind.threadClass()
                                + " (with the application's own prefixes) would run them as fibers");
                        return kind;
                    }
                }
            }
            return null;
        }
    };

    /**
     * @param include  class-name prefixes ({@code com.example.}) to take; empty takes all
     * @param exclude  class-name prefixes to leave out, whatever {@code include} says
     * @param ownLoops threads that stay platform threads unless an {@code include} prefix names
     *                 their class (asking for a library by name overrides the table)
     */
    public ApplicationClasses(List<String> include, List<String> exclude, List<OwnLoopThreads> ownLoops) {
        this.include = internalForm(include);
        this.exclude = internalForm(exclude);
        this.ownLoops = ownLoops.stream()
                .filter(kind -> include.stream().noneMatch(kind.threadClass()::startsWith))
                .toList();
    }

    /**
     * Return the row that keeps threads of {@code threadClass} (a {@code Thread} subclass) platform
     * threads, or {@code null} when none does.
     */
    public OwnLoopThreads ownLoop(Class<? extends Thread> threadClass) {
        return ownLoopOf.get(threadClass);
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
