package programs.explore;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Arrays;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Run the JUnit 5 tests that the arguments name ({@code class} or {@code class#method}) through JUnit's
 * launcher, as a build tool's test JVM does; print how many tests passed and how many tests or their
 * containers failed, then each failure's message. Ends with status 1 when a test failed.
 */
public final class JUnitMain {
    public static void main(String[] args) {
        DiscoverySelector[] selectors = Arrays.stream(args)
                .map(name -> name.contains("#") ? selectMethod(name) : selectClass(name))
                .toArray(DiscoverySelector[]::new);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("tests succeeded: " + summary.getTestsSucceededCount() + ", failed: "
                + summary.getTotalFailureCount());
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            System.out.println("failed: " + failure.getTestIdentifier().getDisplayName() + ": "
                    + failure.getException().getMessage());
        }
        if (summary.getTotalFailureCount() > 0) {
            System.exit(1);
        }
    }
}
