package io.fiberize.junit;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.loop.LoopGroup;
import io.fiberize.runtime.schedule.Schedule;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Reach the seeded schedule of the test JVM's fiberize runtime: the one class of this module that
 * names the runtime's types, which are on the bootstrap class path only when the agent runs. It is
 * loaded after {@link #find()} has checked that they are there.
 */
final class SeededJvm {
    private static final String RUNTIME_CLASS = "io.fiberize.runtime.FiberRuntime";
    private static final String SET_UP = "add fiberize's agent with a seed to Surefire's argLine, e.g. with\n"
            + "  <plugin>\n"
            + "    <groupId>io.fiberize</groupId>\n"
            + "    <artifactId>fiberize-maven-plugin</artifactId>\n"
            + "    <executions><execution><goals><goal>prepare-agent</goal></goals></execution></executions>\n"
            + "    <configuration><options><seed>0</seed></options></configuration>\n"
            + "  </plugin>\n"
            + "or -javaagent:/path/to/fiberize.jar=seed=0 in argLine (Gradle: jvmArgs of the test task)";

    private final Schedule schedule;
    private final LoopGroup loops;

    private SeededJvm(Schedule schedule, LoopGroup loops) {
        this.schedule = schedule;
        this.loops = loops;
    }

    /**
     * Return the test JVM's schedule.
     *
     * @throws ExtensionConfigurationException if the JVM runs no agent, or the agent without a seed
     */
    static SeededJvm find() {
        try {
            Class.forName(RUNTIME_CLASS, false, null);
        } catch (ClassNotFoundException e) {
            throw new ExtensionConfigurationException("@ExploreSchedules needs fiberize's agent in the test JVM, "
                    + "which runs none: " + SET_UP);
        }
        FiberRuntime runtime = FiberRuntime.get();
        if (runtime == null || runtime.schedule() == null) {
            throw new ExtensionConfigurationException("@ExploreSchedules needs fiberize's seeded schedule, but the "
                    + "test JVM runs " + (runtime == null ? "no fiberize runtime" : "fiberize without seed=") + ": "
                    + SET_UP);
        }
        return new SeededJvm(runtime.schedule(), runtime.loops());
    }

    /**
     * Start the schedule over from {@code seed}. Called on a fiber of the schedule: the test's thread.
     *
     * @throws IllegalStateException if the caller is not a fiber of the schedule
     */
    void restart(long seed) {
        schedule.restart(seed);
    }

    /** Return how many fibers are alive. */
    long fibersAlive() {
        return loops.stats().fibersAlive();
    }

    /** Describe the schedule since its restart: its options, its decisions and their trace. */
    String summary() {
        String summary = schedule.summary();
        // The summary ends with how to replay a whole run from its first decision, which does not
        // replay a test template's invocation: the failure says how to rerun the seed instead.
        int replay = summary.indexOf("; replay with ");
        return replay < 0 ? summary : summary.substring(0, replay);
    }
}
