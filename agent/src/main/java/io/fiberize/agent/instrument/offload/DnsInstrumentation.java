package io.fiberize.agent.instrument.offload;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.offload.OffloadHooks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.util.stream.Stream;
import net.bytebuddy.asm.Advice;

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
                Target.of(LookupByNameAdvice.class, "lookupByName", String.class.getName(), LookupPolicy.class.getName()),
                Target.of(LookupByAddressAdvice.class, "lookupByAddress", byte[].class.getTypeName()));
    }

    /** Resolve a name on a pool thread. */
    static final class LookupByNameAdvice {
        private LookupByNameAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Stream<InetAddress> enter(@Advice.This InetAddressResolver resolver, @Advice.Argument(0) String host,
                                         @Advice.Argument(1) LookupPolicy policy) throws UnknownHostException {
            return OffloadHooks.offloading() ? OffloadHooks.lookupByName(resolver, host, policy) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Stream<InetAddress> offloaded,
                         @Advice.Return(readOnly = false) Stream<InetAddress> returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }

    /** Resolve an address on a pool thread. */
    static final class LookupByAddressAdvice {
        private LookupByAddressAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static String enter(@Advice.This InetAddressResolver resolver, @Advice.Argument(0) byte[] address)
                throws UnknownHostException {
            return OffloadHooks.offloading() ? OffloadHooks.lookupByAddress(resolver, address) : null;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter String offloaded, @Advice.Return(readOnly = false) String returned) {
            if (offloaded != null) {
                returned = offloaded;
            }
        }
    }
}
