package io.fiberize.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Without the agent, an {@link ExploreSchedules} test fails, never runs its body, and says how to add the
 * agent with a seed. (With it: {@code ExploreSchedulesIT} in it-tests.)
 */
class ExploreSchedulesExtensionTest {

    @Test
    void failsSayingHowToAddTheAgentWithASeed() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ExploredWithoutAgent.class)).build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        List<TestExecutionSummary.Failure> failures = summary.getFailures();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getException()).hasMessageContaining("@ExploreSchedules needs fiberize's agent")
                .hasMessageContaining("<artifactId>fiberize-maven-plugin</artifactId>")
                .hasMessageContaining("<options><seed>0</seed></options>");
        assertThat(ExploredWithoutAgent.runs).isZero();
    }
}
