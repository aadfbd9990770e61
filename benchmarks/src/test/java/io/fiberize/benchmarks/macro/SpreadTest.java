package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        assertThat(Spread.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Spread(3.0, 1.0, 5.0, 3));
    }

    @Test
    void evenCountTakesTheMeanOfTheTwoMiddleValues() {
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Spread(3.0, 1.0, 10.0, 4));
    }

    @Test
    void formatsTheMedianWithTheRangeOrAloneForOneValue() {
        assertThat(Spread.of(List.of(2.0, 1.0, 3.0)).format(Format::whole)).isEqualTo("2 (1–3)");
        assertThat(Spread.of(List.of(1234.0)).format(Format::whole)).isEqualTo("1,234");
    }

    @Test
    void refusesNoValues() {
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
