package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import example.Greeter;
import org.junit.jupiter.api.Test;

/**
 * Check that a bad option, from any place, ends the JVM with one clear line before the program's main
 * runs, and that good options let it run.
 */
class AgentOptionsIT {

    private static final String MAIN = Greeter.class.getName();

    @Test
    void badAgentArgument() throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25().agent("loops=abc").run(MAIN);

        assertStoppedBeforeMain(result, "invalid option loops=abc (from -javaagent argument)", "1 to 256");
    }

    @Test
    void unknownKey() throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25().agent("log=info,speed=fast").run(MAIN);

        assertStoppedBeforeMain(result, "unknown option 'speed' (from -javaagent argument)", "loops, include");
    }

    @Test
    void badSystemProperty() throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25().agent(null).jvmOptions("-Dfiberize.watchdog=5parsecs").run(MAIN);

        assertStoppedBeforeMain(result, "invalid option watchdog=5parsecs (from -Dfiberize.watchdog)",
                "unknown unit 'parsecs'");
    }

    @Test
    void badEnvironmentVariable() throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25().agent(null).environment("FIBERIZE_OPTS", "log=loud").run(MAIN);

        assertStoppedBeforeMain(result, "invalid option log=loud (from FIBERIZE_OPTS)", "off, warn, info, debug");
    }

    @Test
    void goodOptionsFromEveryPlaceLetMainRun() throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25()
                .agent("loops=2,watchdog=2s,log=warn")
                .jvmOptions("-Dfiberize.offload=8")
                .environment("FIBERIZE_OPTS", "exclude=com.example.;org.acme.,onUnsupported=warn")
                .run(MAIN);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains(Greeter.MARKER);
        assertThat(result.agentLines()).as("%s", result)
                .noneMatch(line -> line.contains("invalid option") || line.contains("unknown option"));
    }

    private static void assertStoppedBeforeMain(ForkedJvm.Result result, String problem, String accepted) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.stdout()).as("%s", result).doesNotContain(Greeter.MARKER);
        assertThat(result.agentLines()).as("%s", result).singleElement()
                .satisfies(line -> assertThat(line).startsWith("fiberize: " + problem).contains(accepted));
    }
}
