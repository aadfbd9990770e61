package io.fiberize.samples.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiberize.samples.cli.BadArgumentException;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void readsHostAndPort() throws Exception {
        assertThat(Target.parse("localhost:11211")).isEqualTo(new Target("localhost", 11211));
        assertThat(Target.parse("[::1]:80")).isEqualTo(new Target("::1", 80));
        assertThat(Target.parse("[::1]:80")).hasToString("[::1]:80");
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"localhost", ":80", "host:", "host:0", "host:65536", "host:http"}) {
            assertThatThrownBy(() -> Target.parse(text)).as(text).isInstanceOf(BadArgumentException.class)
                    .hasMessage("invalid --target '" + text + "': expected HOST:PORT, e.g. localhost:7000");
        }
    }
}
