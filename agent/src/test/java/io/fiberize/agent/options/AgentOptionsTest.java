package io.fiberize.agent.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void describesTheDefaultsOnOneLine() {
        assertThat(AgentOptions.defaults().describe()).isEqualTo(
                "loops=1,include=(all),exclude=(none),watchdog=100ms,slice=10ms,offload=64,log=warn,onUnsupported=warn,seed=off");
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
            // include and exclude read (all) and (none); schedule and pctDepth show only with a seed.
            if (option != Option.INCLUDE && option != Option.EXCLUDE && option != Option.SCHEDULE
                    && option != Option.PCT_DEPTH) {
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
