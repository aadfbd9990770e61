package io.fiberize.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Put the fiberize agent into {@code argLine} before the integration tests, so that Failsafe runs them
 * on fibers.
 */
@Mojo(name = "prepare-agent-integration", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class PrepareAgentIntegrationMojo extends AgentMojo {
}
