package io.fiberize.agent.instrument.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Check that the JDK classes whose calls a rewrite changes are still there, without loading them:
 * one loaded now would have to be retransformed, where one loaded later is rewritten as it loads,
 * and most programs never load some of them.
 */
final class JdkCallers {
    private JdkCallers() {
    }

    /** Say which of {@code callers}, classes of {@code java.base}, is gone or unreadable, or return {@code null}. */
    static String missing(List<String> callers) {
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
