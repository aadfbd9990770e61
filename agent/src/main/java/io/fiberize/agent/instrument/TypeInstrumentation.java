package io.fiberize.agent.instrument;

import io.fiberize.agent.options.AgentOptions;
import java.util.List;

/**
 * Rewrite one kind of code so that it yields to the loop instead of blocking a thread, or (the
 * JDK's thread dump) so that it can tell what the fibers wait on.
 *
 * <p>One implementation per thing rewritten, all listed in {@link Instrumentations}. The rewritten
 * code only calls the runtime's {@code *Hooks} classes.
 */
public interface TypeInstrumentation {

    /** Name what is rewritten, for logs. */
    String name();

    /**
     * Say what this JDK (or the runtime) lacks that the rewrite needs, a class or method that
     * moved, or return {@code null}.
     */
    String check();

    /**
     * Name the JDK classes this rewrite changes, which may be loaded before the agent starts and
     * are then retransformed; application classes are rewritten as they load.
     */
    List<String> jdkTargets();

    /**
     * Return the rewrite this makes under {@code options}; called once, after {@link #check()}
     * found nothing missing.
     */
    ClassRewrite rewrite(AgentOptions options);
}
