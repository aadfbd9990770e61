package io.fiberize.agent.instrument;

import java.util.Arrays;

/**
 * Check that a JDK-internal method a rewrite targets is still there, by name and parameters.
 */
public final class JdkTargets {
    private JdkTargets() {
    }

    /**
     * Return {@code null} if {@code className} declares {@code method(parameters)}, otherwise
     * what is missing.
     */
    public static String missing(String className, String method, String... parameters) {
        try {
            Class<?> type = Class.forName(className, false, null);
            for (var m : type.getDeclaredMethods()) {
                if (m.getName().equals(method) && Arrays.equals(
                        Arrays.stream(m.getParameterTypes()).map(Class::getName).toArray(), parameters)) {
                    return null;
                }
            }
            return className + "." + method + "(" + String.join(", ", parameters) + ") is gone";
        } catch (ClassNotFoundException e) {
            return className + " is gone";
        }
    }
}
