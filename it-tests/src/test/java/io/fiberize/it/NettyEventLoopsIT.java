package io.fiberize.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * Threads that run their own event loop stay platform threads (issue 19, "leave event loops
 * alone"): Netty's native epoll loop is not pinned to a fiber's carrier, and application threads,
 * fibers, wait on Netty's futures parking only themselves.
 */
class NettyEventLoopsIT {

    private static final String PROGRAM = "programs.NettyLoopsAndFibers";
    private static final String LEFT_ALONE =
            "threads of io.netty.util.concurrent.FastThreadLocalThread (Netty) stay platform threads";

    @Test
    void nettysEpollLoopStaysAPlatformThreadWhileFibersWaitOnItsFutures() throws Exception {
        Fiberized runs = Fiberized.runWithLibraries(PROGRAM, "200", "20").sameOutput();
        assertThat(runs.fiberized().stdout()).contains("round trips through Netty's event loop: 4000 of 4000 right");
        assertThat(runs.fiberized().agentLines()).anyMatch(line -> line.contains(LEFT_ALONE));
        assertThat(runs.fiberized().stderr()).as("watchdog reports").doesNotContain(" stalled for ");
        ExitReport report = runs.report();
        assertThat(report.get("stalls")).as("%s", report).isZero();
        assertThat(report.get("compensations")).as("%s", report).isZero();
        // main's 200 client threads; none of Netty's.
        assertThat(report.get("fibersStarted")).as("%s", report).isEqualTo(200);
    }

    @Test
    void anIncludePrefixNamingNettyRunsItsLoopsAsFibersAfterAll() throws Exception {
        ForkedJvm.Result run = ForkedJvm.jdk25().classPath(BuildOutputs.programsWithLibrariesClassPath())
                .agent("log=info,include=programs.;io.netty.").run(PROGRAM, "20", "5");
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stdout()).contains("round trips through Netty's event loop: 100 of 100 right");
        assertThat(run.agentLines()).noneMatch(line -> line.contains(LEFT_ALONE));
        ExitReport report = ExitReport.of(run);
        assertThat(report.get("fibersStarted")).as("%s", report).isGreaterThan(20);
    }

    @Test
    void aLoopThatTheTableCannotKnowPinsAndTheWarningNamesTheExcludeThatAvoidsIt() throws Exception {
        ForkedJvm.Result run = ForkedJvm.jdk25().classPath(BuildOutputs.programsWithLibrariesClassPath())
                .agent("log=info").run("programs.NettyLoopOnPlainThread", "5");
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stdout()).contains("echoed 15 of 15");
        assertThat(run.agentLines().stream().filter(line -> line.contains("pinned a loop's carrier")))
                .as("%s", run.stderr())
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .matches("fiberize: warning: io\\.netty\\.channel\\.epoll\\.Native\\.epollWait0"
                        + " \\(netty-transport-classes-epoll-[^ ]+\\.jar\\) pinned a loop's carrier 3 times;"
                        + " exclude=programs\\.NettyLoopOnPlainThread keeps thread \"own-netty-loop-\\d\" and the"
                        + " others NettyLoopOnPlainThread makes platform threads");

        ForkedJvm.Result excluded = ForkedJvm.jdk25().classPath(BuildOutputs.programsWithLibrariesClassPath())
                .agent("log=info,exclude=programs.NettyLoopOnPlainThread").run("programs.NettyLoopOnPlainThread", "5");
        assertThat(excluded.stdout()).contains("echoed 15 of 15");
        assertThat(excluded.stderr()).as("with the exclude the hint gives").doesNotContain(" stalled for ");
    }
}
