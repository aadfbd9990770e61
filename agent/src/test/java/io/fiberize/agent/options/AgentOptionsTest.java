package io.fiberize.agent.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void describesTheDefaultsOnOneLine() {
        assertThat(AgentOptions.defaults().describe()).isEqualTo(
                "loops=1,include=(all),exclude=(none),watchdog=100ms,slice=10ms,offload=64,log=warn,onUnsupported=warn");
    }

    @Test
    void describesAWatchdogThatIsOff() throws InvalidOptionException {
        AgentOptions options = OptionsParser.parse("watchdog=0", new java.util.Properties(), null);

        assertThat(options.describe()).contains(",watchdog=0ms,");
    }

    @Test
    void describesWhatTheUsageTableCallsTheDefaults() {
        String describe = AgentOptions.defaults().describe();

        for (Option option : Option.values()) {
            if (option != Option.INCLUDE && option != Option.EXCLUDE) {
                assertThat(describe).contains(option.key() + "=" + option.defaultValue());
            }
        }
    }

    @Test
    void logLevelsAllowTheLevelsBeforeThem() {
        assertThat(LogLevel.WARN.allows(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.WARN.allows(LogLevel.INFO)).isFalse();
        assertThat(LogLevel.DEBUG.allows(LogLevel.INFO)).isTrue();
        assertThat(LogLevel.OFF.allows(LogLevel.WARN)).isFalse();
        assertThat(LogLevel.DEBUG.allows(LogLevel.OFF)).isFalse();
    }
}
