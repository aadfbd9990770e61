package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import example.Greeter;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Check that on a JDK older than 25 the agent says why it does nothing, then lets the program run, or
 * stops it with {@code onUnsupported=fail}.
 */
class OldJdkIT {

    private static final String MAIN = Greeter.class.getName();

    @BeforeAll
    static void needsJdk17() {
        if (Files.isExecutable(ForkedJvm.JDK_17_JAVA)) {
            return;
        }
        String missing = "no JDK 17 at " + ForkedJvm.JDK_17_JAVA + " (Debian package openjdk-17-jre-headless)";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + "; CI must run this test");
        }
        assumeTrue(false, missing + "; skipping");
    }

    @Test
    void programRunsWithoutFibersAndTheAgentSaysWhy() throws Exception {
        ForkedJvm.Result result = ForkedJvm.of(ForkedJvm.JDK_17_JAVA).agent(null).run(MAIN);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains(Greeter.MARKER);
        assertThat(result.agentLines()).as("%s", result).containsExactly("fiberize: JDK 17 is not supported"
                + " (fiberize needs JDK 25 or newer); running the application without fibers.");
    }

    @Test
    void onUnsupportedFailStopsTheJvmBeforeMain() throws Exception {
        ForkedJvm.Result result = ForkedJvm.of(ForkedJvm.JDK_17_JAVA).agent("onUnsupported=fail").run(MAIN);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.stdout()).as("%s", result).doesNotContain(Greeter.MARKER);
        assertThat(result.agentLines()).as("%s", result).containsExactly("fiberize: JDK 17 is not supported"
                + " (fiberize needs JDK 25 or newer); exiting (onUnsupported=fail).");
    }
}
