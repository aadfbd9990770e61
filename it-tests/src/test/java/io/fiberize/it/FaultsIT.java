package io.fiberize.it;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong in production goes wrong the same way under the agent (issue 13): peers that
 * reset, half-close or stop reading, slow-loris clients, a process out of file descriptors, threads
 * that die of {@code OutOfMemoryError} or {@code StackOverflowError}, and descriptor numbers
 * reused while a thread still waits on the old socket.
 *
 * <p>Each program under {@code programs.faults} runs plainly and under the agent with one loop and
 * with two; the runs must print the same, and the plain run must print what the JDK does, so that
 * a change of the program cannot make the comparison empty.
 */
class FaultsIT {

    private static final String PROGRAMS = "programs.faults.";

    @Test
    void peersThatResetHalfCloseOrNeverReadGiveTheExceptionsOfAThread() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns runs = ThreeRuns.of(PROGRAMS + "PeerFaults").sameOutput(softly);
        softly.assertThat(runs.plain().stdout()).contains(
                "peer resets in the middle of a write -> java.net.SocketException: peer gone",
                "peer never reads, then closes -> java.net.SocketException: peer gone, other threads ran meanwhile: true",
                "peer half-closes, then reads the reply -> heard 'last words', then EOF; peer read 'reply after EOF'",
                "write after shutting down own output -> java.net.SocketException: Socket output is shutdown",
                "read after the peer reset, with data unread -> java.net.SocketException: Connection reset");
        softly.assertAll();
    }

    @Test
    void slowLorisClientsHoldingFiveThousandConnectionsDoNotStarveAnOrdinaryClient() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns runs = ThreeRuns.of(PROGRAMS + "SlowLoris", "5000", "5").sameOutput(softly);
        softly.assertThat(runs.plain().stdout()).contains(
                "slow connections held: 5000",
                "ordinary requests answered while the slow clients held on: 20 of 20",
                "bytes received from slow clients: 25000 of 25000");
        softly.assertAll();
    }

    @Test
    void outOfDescriptorsAcceptAndConnectThrowWhatAThreadSeesAndTheServerRecovers() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns runs = ThreeRuns.of(jvm -> jvm.descriptorLimit(256), PROGRAMS + "OutOfDescriptors")
                .sameOutput(softly);
        softly.assertThat(runs.plain().stdout()).contains(
                "echo before the limit -> read a",
                "open files until the limit -> java.io.FileNotFoundException: /dev/null (Too many open files)",
                "connect at the limit -> java.net.SocketException: Too many open files",
                "accept at the limit -> [java.io.IOException: Too many open files]",
                "connection made at the limit, answered once files are closed -> read c",
                "echo after the limit -> read d");
        softly.assertAll();
    }

    @Test
    void stackOverflowAndOutOfMemoryReachTheHandlerAndTheProgramLivesOn() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns runs = ThreeRuns.of(jvm -> jvm.jvmOptions("-Xmx64m"), PROGRAMS + "FatalErrorsInThreads")
                .sameOutput(softly)
                .sameErrorLines(softly, "Exception in thread", "Exception in thread \"deep\" java.lang.StackOverflowError");
        softly.assertThat(runs.plain().stdout()).contains(
                "deep: TERMINATED",
                "greedy: uncaught java.lang.OutOfMemoryError: Java heap space",
                "greedy: TERMINATED",
                "the program lives on: echoed x");
        softly.assertAll();
    }

    @Test
    void descriptorNumbersReusedAfterACloseUnderAWaitingReaderReachOnlyTheNewReader() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        ThreeRuns runs = ThreeRuns.of(PROGRAMS + "DescriptorReuse", "1000", "4").sameOutput(softly);
        softly.assertThat(runs.plain().stdout().lines()).containsExactly(
                "new reader: read returned 42: 4000",
                "old reader, closed: java.net.SocketException: Socket closed: 1336",
                "old reader, interrupted: java.nio.channels.ClosedByInterruptException: 1332",
                "old reader, timed out: java.net.SocketTimeoutException: Read timed out: 1332");
        softly.assertAll();
    }
}
