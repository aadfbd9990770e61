package io.fiberize.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final List<String> NAMES = List.of("port", "duration");

    @Test
    void readsValuesInBothForms() throws BadArgumentException {
        Arguments arguments = Arguments.parse(new String[] {"--port", "80", "--duration=2s"}, NAMES);

        assertThat(arguments.number("port", 0, 0, 65535)).isEqualTo(80);
        assertThat(arguments.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(arguments.help()).isFalse();
    }

    @Test
    void fallsBackWhenAnOptionIsAbsent() throws BadArgumentException {
        Arguments arguments = Arguments.parse(new String[] {"--help"}, NAMES);

        assertThat(arguments.help()).isTrue();
        assertThat(arguments.number("port", 7, 0, 65535)).isEqualTo(7);
        assertThat(arguments.text("port", "none")).isEqualTo("none");
    }

    @Test
    void readsDurationsWithOrWithoutAUnit() throws BadArgumentException {
        Arguments arguments = Arguments.parse(new String[] {"--duration", "500ms"}, NAMES);
        Arguments plain = Arguments.parse(new String[] {"--duration", "3"}, NAMES);

        assertThat(arguments.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(plain.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--prot", "80"}, NAMES))
                .hasMessage("unknown option --prot");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"80"}, NAMES))
                .hasMessage("unexpected argument '80'");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--port"}, NAMES))
                .hasMessage("option --port needs a value");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--port", "1", "--port", "2"}, NAMES))
                .hasMessage("option --port is given more than once");
    }

    @Test
    void rejectsBadValues() throws BadArgumentException {
        Arguments arguments = Arguments.parse(new String[] {"--port", "http", "--duration", "soon"}, NAMES);

        assertThatThrownBy(() -> arguments.number("port", 0, 0, 65535))
                .hasMessage("invalid --port 'http': expected a number from 0 to 65535");
        assertThatThrownBy(() -> arguments.duration("duration", Duration.ZERO))
                .hasMessage("invalid --duration 'soon': expected a duration such as 10s or 500ms (a plain number is"
                        + " seconds)");
    }

    @Test
    void rejectsNumbersOutOfRange() throws BadArgumentException {
        Arguments arguments = Arguments.parse(new String[] {"--port", "70000"}, NAMES);

        assertThatThrownBy(() -> arguments.number("port", 0, 0, 65535))
                .hasMessage("invalid --port '70000': expected a number from 0 to 65535");
    }
}
