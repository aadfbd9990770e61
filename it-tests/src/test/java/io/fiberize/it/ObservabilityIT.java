package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.LongSupplier;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * A program that never mentions fiberize shows its fibers through the agent's MXBeans, read over
 * the forked JVM's JMX remote connector, and gets them also when it builds its MBean server with
 * its own builder.
 */
class ObservabilityIT {
    private static final long WAIT_MILLIS = 30_000;

    @Test
    void theLoopMXBeansCountFibersParkedOnSocketsAndSleeping() throws Exception {
        int port = freePort();
        try (ServerJvm server = ForkedJvm.jdk25().agent(null).jvmOptions(
                        "-Dcom.sun.management.jmxremote.port=" + port,
                        "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false",
                        "-Dcom.sun.management.jmxremote.host=127.0.0.1")
                .start("programs.ParkedOnSockets", "100", "20");
             JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(
                     "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"))) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName loops = new ObjectName("io.fiberize:type=Loops");
            ObjectName loop0 = new ObjectName("io.fiberize:type=Loop,name=fiberize-loop-0");
            awaitAtLeast(() -> number(jmx, loop0, "ParkedOnIo"), 100);
            awaitAtLeast(() -> number(jmx, loop0, "Timers"), 20);
            assertThat(number(jmx, loops, "LoopCount")).isEqualTo(1);
            assertThat(number(jmx, loops, "FibersAlive")).isGreaterThanOrEqualTo(120);
            assertThat(number(jmx, loops, "FibersStarted")).isGreaterThanOrEqualTo(120);
            assertThat(number(jmx, loops, "ParkedOnIo")).isEqualTo(number(jmx, loop0, "ParkedOnIo"));
            assertThat(number(jmx, loops, "Stalls")).isZero();
            assertThat(number(jmx, loops, "Compensations")).isZero();
            assertThat(number(jmx, loops, "OffloadQueued")).isZero();
            assertThat(number(jmx, loops, "OffloadThreads")).isGreaterThanOrEqualTo(0);
            assertThat(number(jmx, loops, "TasksRun")).isPositive();
            assertThat(jmx.getAttribute(loop0, "Name")).isEqualTo("fiberize-loop-0");
            assertThat(jmx.getAttribute(loops, "Name")).isEqualTo("all");
            String dump = (String) jmx.invoke(loops, "dumpFibers", new Object[0], new String[0]);
            assertThat(dump).contains("120 fibers").contains("\nloop fiberize-loop-0: 120 fibers, ")
                    .contains("100 fibers WAITING:\n").contains("20 fibers TIMED_WAITING:\n")
                    .containsPattern("\"reader-99\": fd \\d+ read\n").contains("\"sleeper-19\": timer due in ")
                    .contains("at programs.ParkedOnSockets.read(");
        }
    }

    @Test
    void theMXBeansAppearWhenTheProgramNamesItsOwnMBeanServerBuilder() throws Exception {
        ForkedJvm.Result result = ForkedJvm.jdk25().agent(null)
                .jvmOptions("-Djavax.management.builder.initial=programs.OwnMBeanServerBuilder")
                .run("programs.OwnMBeanServerBuilder");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.programErrors()).as("%s", result).isEmpty();
        assertThat(result.stdout()).contains("built by the program's builder: true\n")
                .containsPattern("domains: .*\\bio\\.fiberize\\b.*\\bjava\\.lang\\b");
    }

    private static long number(MBeanServerConnection jmx, ObjectName name, String attribute) {
        try {
            return ((Number) jmx.getAttribute(name, attribute)).longValue();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + name + " " + attribute, e);
        }
    }

    private static void awaitAtLeast(LongSupplier value, long least) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (value.getAsLong() < least && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(least);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
