package io.fiberize.agent.instrument;

import io.fiberize.agent.options.AgentOptions;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Rewrite one kind of code so that it yields to the loop instead of blocking a thread.
 *
 * <p>One implementation per thing rewritten, all listed in {@link Instrumentations}. Advice
 * classes are stateless nested classes that only call the runtime's {@code *Hooks}.
 */
public interface TypeInstrumentation {

    /** Name what is rewritten, for logs. */
    String name();

    /**
     * Say what this JDK lacks that the rewrite needs (a class or method that moved), or return
     * {@code null}.
     */
    String check();

    /**
     * Name the JDK classes this rewrite changes, which may be loaded before the agent starts and
     * are then retransformed; application classes are rewritten as they load.
     */
    java.util.List<String> jdkTargets();

    /** Add this rewrite's type matcher and transformer to {@code builder}. */
    AgentBuilder extend(AgentBuilder builder, AgentOptions options);
}
