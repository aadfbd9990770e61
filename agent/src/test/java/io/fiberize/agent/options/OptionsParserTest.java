package io.fiberize.agent.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsParserTest {

    private static final Properties NO_PROPERTIES = new Properties();

    private static AgentOptions fromArgs(String agentArgs) throws InvalidOptionException {
        return OptionsParser.parse(agentArgs, NO_PROPERTIES, null);
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static String messageFromArgs(String agentArgs) {
        try {
            fromArgs(agentArgs);
        } catch (InvalidOptionException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + agentArgs);
    }

    @Nested
    class Defaults {

        @Test
        void nothingGivenAnywhereGivesTheDefaults() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse(null, NO_PROPERTIES, null);

            assertThat(options.describe()).isEqualTo(AgentOptions.defaults().describe());
            assertThat(options.loops()).isEqualTo(1);
            assertThat(options.include()).isEmpty();
            assertThat(options.exclude()).isEmpty();
            assertThat(options.watchdogMillis()).isEqualTo(100);
            assertThat(options.offload()).isEqualTo(64);
            assertThat(options.log()).isEqualTo(LogLevel.WARN);
            assertThat(options.onUnsupported()).isEqualTo(OnUnsupported.WARN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", ",", " , ,"})
        void emptyListsGiveTheDefaults(String list) throws InvalidOptionException {
            assertThat(OptionsParser.parse(list, NO_PROPERTIES, list).describe())
                    .isEqualTo(AgentOptions.defaults().describe());
        }

        @Test
        void unrelatedSystemPropertiesAreIgnored() throws InvalidOptionException {
            Properties properties = properties("java.version", "25", "fiberizeX", "1", "user.name", "me");

            assertThat(OptionsParser.parse(null, properties, null).describe())
                    .isEqualTo(AgentOptions.defaults().describe());
        }
    }

    @Nested
    class EachKey {

        @ParameterizedTest
        @CsvSource({"1, 1", "2, 2", "256, 256", "007, 7"})
        void loopsTakesANumber(String value, int loops) throws InvalidOptionException {
            assertThat(fromArgs("loops=" + value).loops()).isEqualTo(loops);
        }

        @Test
        void loopsAutoIsOnePerCpu() throws InvalidOptionException {
            assertThat(fromArgs("loops=auto").loops()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }

        @Test
        void includeTakesPrefixesSeparatedBySemicolons() throws InvalidOptionException {
            AgentOptions options = fromArgs("include=com.example.; org.acme.Server ;Main$Inner");

            assertThat(options.include()).containsExactly("com.example.", "org.acme.Server", "Main$Inner");
            assertThat(options.exclude()).isEmpty();
        }

        @Test
        void excludeTakesPrefixesSeparatedBySemicolons() throws InvalidOptionException {
            AgentOptions options = fromArgs("exclude=com.zaxxer.hikari.;org.postgresql");

            assertThat(options.exclude()).containsExactly("com.zaxxer.hikari.", "org.postgresql");
            assertThat(options.include()).isEmpty();
        }

        @Test
        void prefixListsCannotBeChanged() throws InvalidOptionException {
            AgentOptions options = fromArgs("include=a.;b.,exclude=c.");

            assertThatThrownBy(() -> options.include().add("d.")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> options.exclude().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest
        @CsvSource({"250, 250", "100ms, 100", "2s, 2000", "0, 0", "0s, 0", "600s, 600000", "600000ms, 600000"})
        void watchdogTakesMillisecondsOrAUnit(String value, long millis) throws InvalidOptionException {
            assertThat(fromArgs("watchdog=" + value).watchdogMillis()).isEqualTo(millis);
        }

        @ParameterizedTest
        @CsvSource({"10, 10", "10ms, 10", "1s, 1000", "0, 0", "10s, 10000"})
        void sliceTakesMillisecondsOrAUnit(String value, long millis) throws InvalidOptionException {
            assertThat(fromArgs("slice=" + value).sliceMillis()).isEqualTo(millis);
        }

        @ParameterizedTest
        @CsvSource({"1, 1", "64, 64", "4096, 4096"})
        void offloadTakesANumber(String value, int offload) throws InvalidOptionException {
            assertThat(fromArgs("offload=" + value).offload()).isEqualTo(offload);
        }

        @ParameterizedTest
        @CsvSource({"off, OFF", "warn, WARN", "info, INFO", "debug, DEBUG"})
        void logTakesALevel(String value, LogLevel level) throws InvalidOptionException {
            assertThat(fromArgs("log=" + value).log()).isEqualTo(level);
        }

        @ParameterizedTest
        @CsvSource({"warn, WARN", "fail, FAIL"})
        void onUnsupportedTakesWarnOrFail(String value, OnUnsupported choice) throws InvalidOptionException {
            assertThat(fromArgs("onUnsupported=" + value).onUnsupported()).isEqualTo(choice);
        }

        @Test
        void allKeysTogether() throws InvalidOptionException {
            AgentOptions options = fromArgs(
                    "loops=3,include=a.,exclude=b.;c.,watchdog=2s,slice=5ms,offload=8,log=debug,onUnsupported=fail,seed=off");

            assertThat(options.describe()).isEqualTo(
                    "loops=3,include=a.,exclude=b.;c.,watchdog=2s,slice=5ms,offload=8,log=debug,onUnsupported=fail,seed=off");
        }

        @Test
        void spacesAroundKeysAndValuesAreIgnored() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse(null, NO_PROPERTIES, " loops = 2 , log= info ");

            assertThat(options.loops()).isEqualTo(2);
            assertThat(options.log()).isEqualTo(LogLevel.INFO);
        }
    }

    @Nested
    class Seed {

        @Test
        void aSeedRunsOneLoopWithoutWatchdogAndSlicing() throws InvalidOptionException {
            AgentOptions options = fromArgs("seed=42");

            assertThat(options.seed()).isEqualTo(42L);
            assertThat(options.schedule()).isEqualTo(SchedulePolicy.RANDOM);
            assertThat(options.loops()).isEqualTo(1);
            assertThat(options.watchdogMillis()).isZero();
            assertThat(options.sliceMillis()).isZero();
            assertThat(options.describe()).endsWith(",seed=42,schedule=random");
        }

        @Test
        void pctTakesItsDepth() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse("schedule=pct,pctDepth=2", properties("fiberize.seed", "7"), null);

            assertThat(options.schedule()).isEqualTo(SchedulePolicy.PCT);
            assertThat(options.describe()).endsWith(",seed=7,schedule=pct,pctDepth=2");
        }

        @Test
        void offIsTheOrdinarySchedule() throws InvalidOptionException {
            assertThat(fromArgs("seed=off,loops=2").seed()).isNull();
        }

        @Test
        void aSeedRulesOutMoreLoopsWhereverTheyCameFrom() {
            assertThat(messageFromArgs("seed=1,loops=2")).isEqualTo("fiberize: invalid option loops=2 (from -javaagent"
                    + " argument): a seeded schedule (seed=) runs one loop without watchdog and time slicing; expected"
                    + " a number from 1 to 256 or 'auto'");
            assertThatThrownBy(() -> OptionsParser.parse("seed=1", NO_PROPERTIES, "slice=5ms"))
                    .hasMessageContaining("invalid option slice=5ms (from FIBERIZE_OPTS)");
        }

        @Test
        void badSeedsAndDepthsNameThemselves() {
            assertThat(messageFromArgs("seed=-1")).startsWith("fiberize: invalid option seed=-1");
            assertThat(messageFromArgs("pctDepth=0")).contains("expected a number from 1 to 10");
            assertThat(messageFromArgs("schedule=fair")).contains("expected one of random, pct");
        }
    }

    @Nested
    class Precedence {

        @Test
        void agentArgumentBeatsSystemPropertyBeatsEnvironment() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse(
                    "loops=4",
                    properties("fiberize.loops", "3", "fiberize.offload", "30"),
                    "loops=2,offload=20,log=info");

            assertThat(options.loops()).isEqualTo(4);
            assertThat(options.offload()).isEqualTo(30);
            assertThat(options.log()).isEqualTo(LogLevel.INFO);
            assertThat(options.watchdogMillis()).isEqualTo(100);
            assertThat(options.sliceMillis()).isEqualTo(10);
        }

        @Test
        void systemPropertyBeatsEnvironment() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse(null, properties("fiberize.include", "x."), "include=y.");

            assertThat(options.include()).containsExactly("x.");
        }

        @Test
        void agentArgumentReplacesAPrefixListRatherThanAddingToIt() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse("exclude=a.", NO_PROPERTIES, "exclude=b.;c.");

            assertThat(options.exclude()).containsExactly("a.");
        }

        @Test
        void aMistakeIsReportedEvenWhereAHigherPlaceOverridesIt() {
            assertThatThrownBy(() -> OptionsParser.parse("log=info", NO_PROPERTIES, "log=loud"))
                    .hasMessage("fiberize: invalid option log=loud (from FIBERIZE_OPTS): expected one of off, warn,"
                            + " info, debug");
        }

        @Test
        void theSameKeyMayBeGivenOnceInEachPlace() throws InvalidOptionException {
            AgentOptions options = OptionsParser.parse("loops=2", properties("fiberize.loops", "3"), "loops=4");

            assertThat(options.loops()).isEqualTo(2);
        }
    }

    @Nested
    class Errors {

        @Test
        void notANumber() {
            assertThat(messageFromArgs("loops=abc")).isEqualTo(
                    "fiberize: invalid option loops=abc (from -javaagent argument): expected a number from 1 to 256"
                            + " or 'auto'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "257", "99999999999999999999"})
        void loopsOutOfRange(String value) {
            assertThat(messageFromArgs("loops=" + value)).isEqualTo("fiberize: invalid option loops=" + value
                    + " (from -javaagent argument): out of range; expected a number from 1 to 256 or 'auto'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "+2", "1.5", "2 4", "AUTO"})
        void loopsNotANumber(String value) {
            assertThat(messageFromArgs("loops=" + value)).isEqualTo("fiberize: invalid option loops=" + value
                    + " (from -javaagent argument): expected a number from 1 to 256 or 'auto'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "4097"})
        void offloadOutOfRange(String value) {
            assertThat(messageFromArgs("offload=" + value)).isEqualTo("fiberize: invalid option offload=" + value
                    + " (from -javaagent argument): out of range; expected a number from 1 to 4096");
        }

        @Test
        void offloadNotANumber() {
            assertThat(messageFromArgs("offload=many")).isEqualTo(
                    "fiberize: invalid option offload=many (from -javaagent argument): expected a number from 1 to"
                            + " 4096");
        }

        @Test
        void watchdogWithAnUnknownUnit() {
            assertThat(messageFromArgs("watchdog=5parsecs")).isEqualTo(
                    "fiberize: invalid option watchdog=5parsecs (from -javaagent argument): unknown unit 'parsecs';"
                            + " expected a duration from 0 to 600s: milliseconds (250) or a number with unit ms or s"
                            + " (100ms, 2s); 0 turns the watchdog off");
        }

        @Test
        void sliceLongerThanTenSeconds() {
            assertThat(messageFromArgs("slice=11s")).isEqualTo(
                    "fiberize: invalid option slice=11s (from -javaagent argument): out of range; expected a duration from 0 to 10s:"
                            + " milliseconds (10) or a number with unit ms or s (10ms, 1s); 0 turns time slicing off");
        }

        @ParameterizedTest
        @ValueSource(strings = {"fast", "ms", "1.5s", "-1", "2 s"})
        void watchdogNotADuration(String value) {
            assertThat(messageFromArgs("watchdog=" + value))
                    .startsWith("fiberize: invalid option watchdog=" + value + " (from -javaagent argument): expected a"
                            + " duration from 0 to 600s");
        }

        @ParameterizedTest
        @ValueSource(strings = {"601s", "600001", "600001ms", "9999999999s"})
        void watchdogOutOfRange(String value) {
            assertThat(messageFromArgs("watchdog=" + value))
                    .startsWith("fiberize: invalid option watchdog=" + value + " (from -javaagent argument): out of"
                            + " range; expected a duration from 0 to 600s");
        }

        @Test
        void logWithAnUnknownLevel() {
            assertThat(messageFromArgs("log=INFO")).isEqualTo(
                    "fiberize: invalid option log=INFO (from -javaagent argument): expected one of off, warn, info,"
                            + " debug");
        }

        @Test
        void onUnsupportedWithAnUnknownChoice() {
            assertThat(messageFromArgs("onUnsupported=ignore")).isEqualTo(
                    "fiberize: invalid option onUnsupported=ignore (from -javaagent argument): expected one of warn,"
                            + " fail");
        }

        @Test
        void prefixWithAWildcard() {
            assertThat(messageFromArgs("include=com.example.*")).isEqualTo(
                    "fiberize: invalid option include=com.example.* (from -javaagent argument): '*' cannot be part"
                            + " of a class name; expected class-name prefixes separated by ';' (no wildcards), e.g."
                            + " com.example.;org.acme.Server");
        }

        @Test
        void emptyPrefixInAList() {
            assertThat(messageFromArgs("exclude=a.;;b.")).startsWith(
                    "fiberize: invalid option exclude=a.;;b. (from -javaagent argument): empty prefix; expected"
                            + " class-name prefixes");
        }

        @ParameterizedTest
        @ValueSource(strings = {"loops", "include", "exclude", "watchdog", "offload", "log", "onUnsupported"})
        void emptyValueForEveryKey(String key) {
            assertThat(messageFromArgs(key + "=")).startsWith(
                    "fiberize: invalid option " + key + "= (from -javaagent argument): empty value; expected ");
        }

        @Test
        void unknownKeyListsTheValidOnes() {
            assertThat(messageFromArgs("loopz=2")).isEqualTo(
                    "fiberize: unknown option 'loopz' (from -javaagent argument): valid options are loops, include,"
                            + " exclude, watchdog, slice, offload, log, onUnsupported, seed, schedule, pctDepth"
                            + " (case-sensitive)");
        }

        @Test
        void keysAreCaseSensitive() {
            assertThat(messageFromArgs("Loops=2")).startsWith("fiberize: unknown option 'Loops'");
            assertThat(messageFromArgs("onunsupported=fail")).startsWith("fiberize: unknown option 'onunsupported'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"loops", "=2", "loops=2,log"})
        void tokenWithoutAKey(String agentArgs) {
            String token = agentArgs.substring(agentArgs.lastIndexOf(',') + 1);

            assertThat(messageFromArgs(agentArgs)).isEqualTo("fiberize: malformed option '" + token
                    + "' (from -javaagent argument): expected key=value, with ',' between options, e.g."
                    + " loops=2,log=info");
        }

        @Test
        void keyGivenTwiceInOnePlace() {
            assertThat(messageFromArgs("loops=2,log=info,loops=3")).isEqualTo(
                    "fiberize: option loops is given more than once (from -javaagent argument): give it once");
        }

        @Test
        void systemPropertyNamesTheProperty() {
            assertThatThrownBy(() -> OptionsParser.parse(null, properties("fiberize.watchdog", "5parsecs"), null))
                    .hasMessageStartingWith(
                            "fiberize: invalid option watchdog=5parsecs (from -Dfiberize.watchdog): unknown unit");
        }

        @Test
        void unknownSystemPropertyNamesTheProperty() {
            assertThatThrownBy(() -> OptionsParser.parse(null, properties("fiberize.loop", "2"), null))
                    .hasMessageStartingWith("fiberize: unknown option 'loop' (from -Dfiberize.loop): valid options are");
        }

        @Test
        void emptySystemProperty() {
            assertThatThrownBy(() -> OptionsParser.parse(null, properties("fiberize.offload", ""), null))
                    .hasMessageStartingWith(
                            "fiberize: invalid option offload= (from -Dfiberize.offload): empty value; expected");
        }

        @Test
        void environmentNamesTheVariable() {
            assertThatThrownBy(() -> OptionsParser.parse(null, NO_PROPERTIES, "log=loud"))
                    .hasMessage("fiberize: invalid option log=loud (from FIBERIZE_OPTS): expected one of off, warn,"
                            + " info, debug");
        }

        @Test
        void malformedEnvironment() {
            assertThatThrownBy(() -> OptionsParser.parse(null, NO_PROPERTIES, "loops=2;log=info"))
                    .hasMessage("fiberize: invalid option loops=2;log=info (from FIBERIZE_OPTS): expected a number"
                            + " from 1 to 256 or 'auto'");
        }

        @Test
        void messageIsOneLineWhateverTheUserWrote() {
            assertThatThrownBy(() -> OptionsParser.parse(null, NO_PROPERTIES, "include=a.\nb."))
                    .hasMessage("fiberize: invalid option include=a.?b. (from FIBERIZE_OPTS): '?' cannot be part of"
                            + " a class name; expected class-name prefixes separated by ';' (no wildcards), e.g."
                            + " com.example.;org.acme.Server");
        }
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        assertThat(OptionsParser.usage().split("\n"))
                .hasSize(11)
                .anySatisfy(line -> assertThat(line).contains("loops=N|auto").contains(" 1 "))
                .anySatisfy(line -> assertThat(line).contains("include=prefix;...").contains(" all "))
                .anySatisfy(line -> assertThat(line).contains("exclude=prefix;...").contains(" none "))
                .anySatisfy(line -> assertThat(line).contains("watchdog=duration").contains(" 100ms "))
                .anySatisfy(line -> assertThat(line).contains("slice=duration").contains(" 10ms "))
                .anySatisfy(line -> assertThat(line).contains("offload=N").contains(" 64 "))
                .anySatisfy(line -> assertThat(line).contains("log=off|warn|info|debug").contains(" warn "))
                .anySatisfy(line -> assertThat(line).contains("onUnsupported=warn|fail").contains(" warn "))
                .anySatisfy(line -> assertThat(line).contains("seed=N|off").contains(" off "))
                .anySatisfy(line -> assertThat(line).contains("schedule=random|pct").contains(" random "))
                .anySatisfy(line -> assertThat(line).contains("pctDepth=N").contains(" 3 "));
    }
}
