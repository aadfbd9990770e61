package io.fiberize.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentArgumentTest {

    @Test
    void noOptionsIsTheBareJar() {
        assertThat(new AgentArgument(Path.of("/repo/fiberize.jar"), Map.of()).text())
                .isEqualTo("-javaagent:/repo/fiberize.jar");
    }

    @Test
    void optionsFollowInKeyOrder() {
        assertThat(new AgentArgument(Path.of("/repo/fiberize.jar"), Map.of("log", "info", "loops", "2",
                "include", "com.example.;org.acme.")).text())
                .isEqualTo("-javaagent:/repo/fiberize.jar=include=com.example.;org.acme.,log=info,loops=2");
    }

    @Test
    void aPathWithASpaceIsQuoted() {
        assertThat(new AgentArgument(Path.of("/home/a b/fiberize.jar"), Map.of("log", "info")).text())
                .isEqualTo("\"-javaagent:/home/a b/fiberize.jar=log=info\"");
    }

    @Test
    void aCommaInAValueIsRefused() {
        assertThatThrownBy(() -> new AgentArgument(Path.of("/repo/fiberize.jar"), Map.of("include", "a.,b.")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("include=a.,b.");
    }

    @Test
    void anEmptyValueIsRefused() {
        assertThatThrownBy(() -> new AgentArgument(Path.of("/repo/fiberize.jar"), Map.of("loops", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loops");
    }
}
