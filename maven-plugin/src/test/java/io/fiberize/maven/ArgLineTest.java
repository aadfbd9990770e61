package io.fiberize.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final String JACOCO = "-javaagent:/repo/org.jacoco.agent-runtime.jar=destfile=/p/target/jacoco.exec";

    private static AgentArgument agent(String jar, Map<String, String> options) {
        return new AgentArgument(Path.of(jar), options);
    }

    @Test
    void anUnsetPropertyGetsTheAgentAlone() {
        assertThat(ArgLine.append(null, agent("/repo/fiberize.jar", Map.of()))).isEqualTo("-javaagent:/repo/fiberize.jar");
        assertThat(ArgLine.append("  ", agent("/repo/fiberize.jar", Map.of()))).isEqualTo("-javaagent:/repo/fiberize.jar");
    }

    @Test
    void whatWasThereStaysFirst() {
        assertThat(ArgLine.append("-Xmx1g " + JACOCO, agent("/repo/fiberize.jar", Map.of("log", "info"))))
                .isEqualTo("-Xmx1g " + JACOCO + " -javaagent:/repo/fiberize.jar=log=info");
    }

    @Test
    void anEarlierArgumentForTheSameJarIsReplaced() {
        String once = ArgLine.append(JACOCO, agent("/repo/fiberize.jar", Map.of("loops", "1")));
        assertThat(ArgLine.append(once + " -Xss1m", agent("/repo/fiberize.jar", Map.of("loops", "2"))))
                .isEqualTo(JACOCO + " -Xss1m -javaagent:/repo/fiberize.jar=loops=2");
    }

    @Test
    void anEarlierQuotedArgumentForTheSameJarIsReplaced() {
        String once = ArgLine.append(JACOCO, agent("/home/a b/fiberize.jar", Map.of("loops", "1")));
        assertThat(ArgLine.append(once, agent("/home/a b/fiberize.jar", Map.of())))
                .isEqualTo(JACOCO + " \"-javaagent:/home/a b/fiberize.jar\"");
    }

    @Test
    void anotherJarWhosePathStartsTheSameStays() {
        assertThat(ArgLine.append("-javaagent:/repo/fiberize.jar.old", agent("/repo/fiberize.jar", Map.of())))
                .isEqualTo("-javaagent:/repo/fiberize.jar.old -javaagent:/repo/fiberize.jar");
    }
}
