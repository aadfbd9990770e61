package io.fiberize.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Put the fiberize agent into {@code argLine} before the unit tests, so that Surefire runs them on
 * fibers.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AgentMojo {
}
