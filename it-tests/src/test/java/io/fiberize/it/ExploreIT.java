package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/fiberize explore} runs a program under one seed after another, stops at the first that
 * fails, and prints a command that replays that seed's schedule, trace for trace.
 */
class ExploreIT {
    private static final Pattern FAILED_SEED = Pattern.compile("(?m)^fiberize explore: seed (\\d+) failed$");
    private static final Pattern TRACE = Pattern.compile("(?m)^trace: fiberize: warning: schedule seed=(\\d+),"
            + "schedule=random: \\d+ decisions, trace (\\p{XDigit}{16});");
    private static final Pattern REPLAY = Pattern.compile("(?m)^--- replay:\n(.+)$");

    @Test
    void findsTheSeedThatLosesAnUpdateAndPrintsACommandThatReplaysItsTrace() throws Exception {
        ForkedJvm.Result explore = explore("--seeds", "100", "--", "-cp", BuildOutputs.programsClassPath(),
                "programs.VolatileCounterRace");

        assertThat(explore.exitCode()).as("%s", explore).isEqualTo(1);
        String seed = group(FAILED_SEED, explore.stdout(), 1);
        Matcher trace = TRACE.matcher(explore.stdout());
        assertThat(trace.find()).as("the trace line in %s", explore).isTrue();
        assertThat(trace.group(1)).isEqualTo(seed);
        assertThat(explore.stdout()).contains("exit status: 1\n").contains(
                "failure: Exception in thread \"main\" java.lang.IllegalStateException: lost update: count is ");

        String replayCommand = group(REPLAY, explore.stdout(), 1);
        assertThat(replayCommand).contains("=seed=" + seed + ",schedule=random ");
        for (int i = 0; i < 2; i++) {
            ForkedJvm.Result replay = HostCommand.run("bash", "-c", replayCommand);
            assertThat(replay.exitCode()).as("%s", replay).isEqualTo(1);
            assertThat(replay.stderr()).contains("lost update: count is ")
                    .contains("decisions, trace " + trace.group(2) + ";");
        }
    }

    @Test
    void saysHowManySeedsPassedWhenNoneFails() throws Exception {
        ForkedJvm.Result explore = explore("--seeds", "3", "--from", "10", "--", "-cp",
                BuildOutputs.programsClassPath(), "example.Greeter");

        assertThat(explore.exitCode()).as("%s", explore).isZero();
        assertThat(explore.stdout()).isEqualTo("fiberize explore: all 3 seeds passed (10..12, schedule=random)\n");
    }

    @Test
    void namesTheBadArgumentOfAUsageError() throws Exception {
        // Each row: what the error must say, then the arguments.
        String[][] usages = {
            {"--seeds 0: expected a whole number of at least 1", "--seeds", "0", "--", "Main"},
            {"--schedule fifo: expected random or pct", "--schedule", "fifo", "--", "Main"},
            {"--depth 2 needs --schedule pct", "--depth", "2", "--", "Main"},
            {"unknown argument --frobnicate", "--frobnicate", "--", "Main"},
            {"the java arguments are missing", "--seeds", "5"},
        };
        for (String[] usage : usages) {
            ForkedJvm.Result explore = explore(Arrays.copyOfRange(usage, 1, usage.length));

            assertThat(explore.exitCode()).as("%s", explore).isEqualTo(2);
            assertThat(explore.stderr()).startsWith("fiberize explore: " + usage[0]);
        }
    }

    private static ForkedJvm.Result explore(String... arguments) throws Exception {
        Path fiberize = BuildOutputs.agentJar().getParent().getParent().getParent().resolve("bin/fiberize");
        String[] command = new String[arguments.length + 2];
        command[0] = fiberize.toString();
        command[1] = "explore";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        return HostCommand.run(command);
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
        return matcher.group(group);
    }
}
