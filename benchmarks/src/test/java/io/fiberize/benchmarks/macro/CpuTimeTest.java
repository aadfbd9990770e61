package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void addsUserAndSystemTicksCountingFromTheEndOfTheName() {
        // A command name with a space and a parenthesis: the fields are counted from the last ')'.
        String stat = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 33 0 0 0 1234 567 0 0 20 0 25 0 9999 "
                + "123456 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(CpuTime.ticks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> CpuTime.ticks("no name here")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisProcess() throws IOException {
        assertThat(CpuTime.secondsOf(ProcessHandle.current().pid())).isGreaterThan(0);
    }
}
