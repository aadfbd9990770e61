package io.fiberize.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiberizeAgentTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "1.8, 8", "1.6, 6", "9, 9", "17, 17", "25, 25", "26, 26", "'', 0", "null, 0", "x, 0", "25-ea, 25"})
    void readsTheFeatureReleaseOfTheJdk(String specification, int feature) {
        assertThat(FiberizeAgent.featureVersion(specification)).isEqualTo(feature);
    }
}
