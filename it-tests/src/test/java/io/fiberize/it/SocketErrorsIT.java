package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sockets, datagrams, selectors and TLS behave under the agent exactly as on platform threads, errors included.
 */
class SocketErrorsIT {

    @Test
    void resetHalfCloseTimeoutsCloseAndInterruptGiveTheSameOutcomes() throws Exception {
        Fiberized runs = Fiberized.run("programs.SocketErrors").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("half-close gives EOF -> read returned -1")
                .contains("reset -> java.net.SocketException: Connection reset")
                .contains("SO_TIMEOUT -> java.net.SocketTimeoutException: Read timed out")
                .contains("closed by another thread while reading -> java.net.SocketException: Socket closed")
                .contains("accept with SO_TIMEOUT -> java.net.SocketTimeoutException: Accept timed out")
                .contains("connect refused -> java.net.ConnectException: Connection refused")
                .contains("interrupted channel read -> java.nio.channels.ClosedByInterruptException")
                .contains("datagram round trip -> got dgram")
                .contains("datagram receive with SO_TIMEOUT -> java.net.SocketTimeoutException: Receive timed out")
                .contains("echo through a channel -> read ping");
        assertThat(runs.report().get("jdkHelperResumes")).isZero();
    }

    @Test
    void selectorsWakeForDataTimeoutAndWakeupOnTheLoop() throws Exception {
        Fiberized runs = Fiberized.run("programs.SelectorWaits").sameOutput();
        assertThat(runs.fiberized().stdout())
                .contains("select woken by data returned 1")
                .contains("select(200 ms) with nothing to select returned 0")
                .contains("select woken by wakeup() returned 0")
                .contains("JDK socket poller threads: 0");
        assertThat(runs.report().get("jdkHelperResumes")).isZero();
    }

    @Test
    void tlsHandshakesAndEchoesOfManyThreadsGoThroughTheLoop() throws Exception {
        Fiberized runs = Fiberized.run("programs.TlsEcho", "200").sameOutput();
        assertThat(runs.fiberized().stdout()).contains("TLS clients echoed: 200 of 200");
        assertThat(runs.report().get("jdkHelperResumes")).isZero();
    }
}
