package io.fiberize.runtime.dump;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.fiberize.runtime.jmx.JmxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Print the fiber dump of another JVM of this user: what {@code bin/fiberize dump <pid>} runs.
 *
 * <p>What a fiber waits on (its socket and direction, its timer) and which loop a parked fiber
 * belongs to live only inside the process: the JDK's JSON thread dump cannot carry them. So this
 * attaches to the process with the JDK's attach API, starts its local JMX agent
 * ({@code VirtualMachine.startLocalManagementAgent}, what jconsole does for a local process), and
 * calls the runtime's own {@code dumpFibers()} operation on {@code io.fiberize:type=Loops}. The
 * attach API works for the same OS user only, and the local agent listens on the loopback
 * interface and refuses non-local clients: nothing is exposed that {@code jcmd} does not already
 * give that user. Starting the agent creates the process's platform MBean server, which is when
 * the runtime registers its MXBeans.
 *
 * <p>When the process has no fiberize MXBean (it does not run the agent), this falls back to the
 * JDK's JSON thread dump, requested through the same connection's {@code DiagnosticCommand} MBean
 * (what {@code jcmd <pid> Thread.dump_to_file -format=json} runs) and summarised here: fibers
 * with their stacks and park blockers, but a parked fiber's loop and socket unknown.
 */
public final class DumpClient {
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private DumpClient() {
    }

    /**
     * Print the fiber dump of the JVM whose process id is {@code args[0]}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].matches("[0-9]+")) {
            System.err.println("usage: java -cp fiberize-runtime.jar " + DumpClient.class.getName() + " <pid>");
            System.exit(2);
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(args[0]);
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException e) {
            System.err.println("fiberize: cannot attach to " + args[0] + " (is it a running JVM of this user?): " + e);
            System.exit(1);
            return;
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            System.out.print(dump(connector.getMBeanServerConnection()));
        }
    }

    /**
     * Return the fiber dump of the JVM behind {@code jmx}: the runtime's own, or the summary of
     * the JDK's JSON thread dump when the runtime's MXBeans are not there.
     */
    static String dump(MBeanServerConnection jmx) throws IOException, JMException {
        ObjectName loops = new ObjectName(JmxExport.DOMAIN + ":type=Loops");
        if (jmx.isRegistered(loops)) {
            return (String) jmx.invoke(loops, "dumpFibers", new Object[0], new String[0]);
        }
        Path directory = Files.createTempDirectory("fiberize-dump-");
        Path file = directory.resolve("threads.json");
        try {
            jmx.invoke(new ObjectName(DIAGNOSTIC_COMMANDS), "threadDumpToFile",
                    new Object[] {new String[] {"-format=json", file.toString()}},
                    new String[] {String[].class.getName()});
            return "(no fiberize MXBeans in the process: the JDK's thread dump only)\n"
                    + FiberDump.summarise(Files.readString(file));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }
}
