package programs;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * Build the platform MBean server with this program's own {@link MBeanServerBuilder}, named by
 * {@code -Djavax.management.builder.initial=programs.OwnMBeanServerBuilder}, and print which
 * domains the server has and whether this builder built it.
 */
public final class OwnMBeanServerBuilder extends MBeanServerBuilder {
    private static volatile boolean built;

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        built = true;
        return super.newMBeanServer(defaultDomain, outer, delegate);
    }

    public static void main(String[] args) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String[] domains = server.getDomains();
        Arrays.sort(domains);
        System.out.println("built by the program's builder: " + built);
        System.out.println("domains: " + String.join(",", domains));
    }
}
