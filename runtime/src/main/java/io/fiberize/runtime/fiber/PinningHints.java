package io.fiberize.runtime.fiber;

import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.watch.Stall;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fail safe on the unknown: when the watchdog finds loops pinned by the same native frame or the
 * same class initializer again and again, name the library once and the {@code exclude=} that
 * would keep the thread that calls it a platform thread.
 *
 * <p>A library that runs its own event loop in native code, and is not in the agent's table of
 * such threads, pins its fiber's carrier each time it waits; the watchdog compensates and warns,
 * but the user has to find the fix. The {@code exclude=} names the class whose code made the
 * thread (for a {@code Thread} subclass: the subclass), which is what {@code exclude} matches.
 *
 * <p>Runs on the watchdog's thread only; remembers one count per pinning frame, a set bounded by
 * the program's code.
 */
public final class PinningHints implements Consumer<Stall> {
    /** How many stalls on the same frame make a pattern worth a hint. */
    static final int REPEATS = 3;

    private final Map<String, Integer> stalls = new HashMap<>();

    @Override
    public void accept(Stall stall) {
        StackTraceElement frame = pinningFrame(stall);
        if (frame == null) {
            return;
        }
        String where = frame.getClassName() + "." + frame.getMethodName();
        if (stalls.merge(where, 1, Integer::sum) == REPEATS) {
            RuntimeLog.warn(hint(where, library(frame, stall.fiber()), stall.fiber()));
        }
    }

    /**
     * Return the frame that pins: the innermost native frame, or the innermost class initializer;
     * {@code null} when the stall is not one of a pinned fiber.
     */
    static StackTraceElement pinningFrame(Stall stall) {
        List<StackTraceElement> stack = stall.stack();
        return switch (stall.cause()) {
            case NATIVE -> stack.stream().filter(StackTraceElement::isNativeMethod).findFirst().orElse(null);
            case CLASS_INITIALIZER -> stack.stream().filter(f -> f.getMethodName().equals("<clinit>")).findFirst()
                    .orElse(null);
            default -> null;
        };
    }

    private static String hint(String where, String library, Thread fiber) {
        ProgramThread program = fiber == null ? null : ProgramThreads.of(fiber);
        Class<?> maker = program == null ? null : program.maker();
        String thread = fiber == null ? "the thread" : "thread \"" + fiber.getName() + "\"";
        String fix = maker != null
                ? "exclude=" + maker.getName() + " keeps " + thread + " and the others " + maker.getSimpleName()
                        + " makes platform threads"
                : thread + " comes from a JDK thread factory: exclude= the application class that creates that pool";
        return where + " (" + library + ") pinned a loop's carrier " + REPEATS + " times; " + fix;
    }

    /**
     * Name the library that holds the frame's class: its jar, or the JDK module, or just its package
     * when the class cannot be found from the fiber's class loader.
     */
    private static String library(StackTraceElement frame, Thread fiber) {
        String module = frame.getModuleName();
        if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
            return "the JDK's " + module;
        }
        try {
            ClassLoader loader = fiber == null ? null : fiber.getContextClassLoader();
            CodeSource source = Class.forName(frame.getClassName(), false, loader).getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                String path = source.getLocation().getPath();
                return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            RuntimeLog.debug("cannot find " + frame.getClassName() + " for a pinning hint: " + e);
        }
        int dot = frame.getClassName().lastIndexOf('.');
        return "package " + (dot < 0 ? "(default)" : frame.getClassName().substring(0, dot));
    }
}
