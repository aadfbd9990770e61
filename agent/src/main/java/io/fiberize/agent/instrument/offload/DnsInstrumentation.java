package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.OffloadHooks;
import java.net.spi.InetAddressResolver.LookupPolicy;

/**
 * Run a fiber's DNS lookups on the offload pool.
 *
 * <p>Rewrites {@code InetAddress$PlatformResolver.lookupByName} and {@code lookupByAddress}, the
 * JDK's calls into the system resolver ({@code getaddrinfo}, {@code getnameinfo}) behind {@code
 * InetAddress.getByName}, {@code getAllByName}, {@code getHostName}, {@code new
 * InetSocketAddress(host, port)} and {@code new Socket(host, port)}: a native call that blocks its
 * thread for as long as the name servers take. Cached answers never get here.
 */
public final class DnsInstrumentation extends JdkMethodInstrumentation {

    public DnsInstrumentation() {
        super("DNS lookups (InetAddress$PlatformResolver)", "java.net.InetAddress$PlatformResolver",
                Target.of(Advice.replaceIf(OffloadHooks.class, "offloading", "lookupByName"),
                        "lookupByName", String.class.getName(), LookupPolicy.class.getName()),
                Target.of(Advice.replaceIf(OffloadHooks.class, "offloading", "lookupByAddress"),
                        "lookupByAddress", byte[].class.getTypeName()));
    }
}
