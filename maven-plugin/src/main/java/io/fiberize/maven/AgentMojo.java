package io.fiberize.maven;

import java.io.File;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Set a project property, {@code argLine} unless told otherwise, to its old value followed by
 * {@code -javaagent:<fiberize-agent jar>=<options>}; Surefire and Failsafe fork their test JVMs with it.
 *
 * <p>The jar is the {@code io.fiberize:fiberize-agent} artifact of the plugin's own version, resolved by
 * Maven as the plugin's dependency. The old value is kept, so agents that other plugins put there
 * before (JaCoCo's {@code prepare-agent}) still start; a plugin that, like JaCoCo, keeps the old value
 * when it runs later keeps fiberize's. A value given on the command line ({@code -DargLine=...}) overrides
 * the project property for every plugin, this one and JaCoCo alike.
 */
abstract class AgentMojo extends AbstractMojo {

    private static final String AGENT = "io.fiberize:fiberize-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The plugin's dependencies by {@code groupId:artifactId}; the agent jar is among them. */
    @Parameter(property = "plugin.artifactMap", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifactMap;

    /**
     * The project property to set; {@code argLine} is the one Surefire and Failsafe read.
     */
    @Parameter(property = "fiberize.propertyName", defaultValue = "argLine")
    private String propertyName;

    /**
     * The agent's options, one element per option, e.g. {@code <loops>2</loops><log>info</log>}; the
     * README's table of options lists them. None: the agent's defaults.
     */
    @Parameter
    private Map<String, String> options = Map.of();

    /**
     * Leave the property as it is (set to empty if unset, so that {@code ${argLine}} in a
     * configuration still resolves): the tests run without fibers.
     */
    @Parameter(property = "fiberize.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        Properties properties = project.getProperties();
        if (skip) {
            getLog().info("Skipping fiberize: " + propertyName + " left as it is");
            if (properties.getProperty(propertyName) == null) {
                properties.setProperty(propertyName, "");
            }
            return;
        }
        AgentArgument agent;
        try {
            agent = new AgentArgument(agentJar().toPath(), options);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        String value = ArgLine.append(properties.getProperty(propertyName), agent);
        getLog().info(propertyName + " set to " + value);
        properties.setProperty(propertyName, value);
    }

    private File agentJar() throws MojoExecutionException {
        Artifact artifact = pluginArtifactMap.get(AGENT);
        if (artifact == null || artifact.getFile() == null) {
            throw new MojoExecutionException("The plugin's dependency " + AGENT + " was not resolved");
        }
        return artifact.getFile();
    }
}
