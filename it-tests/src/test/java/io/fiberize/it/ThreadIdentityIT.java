package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A program's {@code Thread} objects behave exactly as on a plain JVM (issue 12, "Threads stay
 * threads").
 *
 * <p>Each program under {@code programs.threads} is unmodified, prints deterministic lines and ends
 * on its own (its waits are bounded and print TIMEOUT); it runs plainly and under the agent with
 * one loop and with two, and must print the same.
 */
class ThreadIdentityIT {

    private static final String PROGRAMS = "programs.threads.";

    @Test
    void threadsConstructedByThreadsInheritDaemonPriorityAndGroupAndOutliveMain() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "NestedWorkerOutlivesMain");
        compare(softly, "DaemonParentsMakeDaemonThreads");
        softly.assertAll();
    }

    @Test
    void overridesInterruptsAndFlagChangesReachTheThreadWhateverTheCallSite() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "OverridesCalledThroughThread");
        compare(softly, "InterruptsThroughReferences");
        compare(softly, "InterruptBeforeStart");
        compare(softly, "GroupInterrupt");
        compare(softly, "SetDaemonWhileRunning");
        softly.assertAll();
    }

    @Test
    void jdkCodeSeesTheProgramsThreadObjects() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "ContextClassLoaderReachesJdk");
        compare(softly, "InheritedFromConstructor");
        compare(softly, "WaitOnThreadObject");
        compare(softly, "LocksSeeTheThread");
        softly.assertAll();
    }

    @Test
    void stackTracesStartAtGetStackTraceAndItsCaller() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "StackTraceNamesCaller");
        softly.assertAll();
    }

    @Test
    void stackSizesThrowingHandlersAndSecondStartsBehaveAsPlainly() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "StackSizeRequested");
        compare(softly, "HandlerThatThrows").sameErrorLines(softly, "thrown from the UncaughtExceptionHandler",
                "Exception: java.lang.IllegalStateException thrown from the UncaughtExceptionHandler in thread \"t\"");
        compare(softly, "StartTwice");
        softly.assertAll();
    }

    @Test
    void namesStatesIdentityLocalsPoolsAndExitStatusAreThePlainJvms() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        compare(softly, "DefaultNames");
        compare(softly, "StatesAndJoins");
        compare(softly, "IdentityAndLocals");
        compare(softly, "BuildersAndPools");
        ThreeRuns.of(PROGRAMS + "ExitFromThread").sameOutput(softly, 3);
        softly.assertAll();
    }

    @Test
    void aJdkPoolStartsTheProgramsThreadSubclassAsAFiber() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns runs = compare(softly, "SubclassWorkersInJdkPool");
        softly.assertAll();
        // The pool's four workers, started by the JDK's internal Thread.start(ThreadContainer).
        ExitReport report = ExitReport.of(runs.fiberized().get("loops=1"));
        assertThat(report.get("fibersStarted")).as("%s", report).isEqualTo(4);
    }

    private static ThreeRuns compare(SoftAssertions softly, String program) throws Exception {
        return ThreeRuns.of(PROGRAMS + program).sameOutput(softly);
    }
}
