package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Threads that became fibers keep what programs rely on: names, identity, thread locals,
 * handlers, interrupts, joins, daemon status and the JVM's exit rule.
 */
class ThreadSemanticsIT {

    @Test
    void threadSubclassesNamesLocalsHandlersInterruptsAndJoinsBehaveAsThreads() throws Exception {
        Fiberized runs = Fiberized.run("programs.ThreadSemantics").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("currentThread()==this: true")
                .contains("handler got boom from failing (same object: true)")
                .contains("second start: IllegalThreadStateException")
                .contains("unparked through the reference it handed out")
                .contains("builder thread sees itself as: built, virtual: false")
                .endsWith("done\n");
        assertThat(runs.report().get("fibersStarted")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theJvmWaitsForNonDaemonThreadsAfterMainReturnsButNotForDaemonOnes() throws Exception {
        Fiberized runs = Fiberized.run("programs.MainReturns").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("non-daemon worker finished after main returned")
                .doesNotContain("must not be printed");
        assertThat(runs.report().get("fibersStarted")).isEqualTo(2);
    }

    @Test
    void javaUtilTimerThreadsAreFibersThatKeepTheirDaemonStatus() throws Exception {
        Fiberized runs = Fiberized.run("programs.TimerTasks").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("one-shot task ran on thread: ticks")
                .contains("non-daemon timer task ran after main returned");
        assertThat(runs.report().get("fibersStarted")).isEqualTo(2);
    }

    @Test
    void includeAndExcludeDecideWhoseThreadsBecomeFibers() throws Exception {
        ForkedJvm.Result excluded = ForkedJvm.jdk25().agent("log=info,exclude=programs.").run("programs.MainReturns");
        assertThat(excluded.exitCode()).as("%s", excluded).isZero();
        assertThat(excluded.stdout()).contains("non-daemon worker finished after main returned");
        assertThat(ExitReport.of(excluded).get("fibersStarted")).isZero();

        ForkedJvm.Result included = ForkedJvm.jdk25().agent("log=info,include=programs.Main").run("programs.MainReturns");
        assertThat(ExitReport.of(included).get("fibersStarted")).isEqualTo(2);

        ForkedJvm.Result elsewhere = ForkedJvm.jdk25().agent("log=info,include=com.example.").run("programs.MainReturns");
        assertThat(ExitReport.of(elsewhere).get("fibersStarted")).isZero();
    }
}
