package io.fiberize.runtime.offload;

import io.fiberize.runtime.FiberRuntime;
import io.fiberize.runtime.fiber.Fibers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.util.stream.Stream;

/**
 * Run the JDK's carrier-blocking calls made by fibers on the offload pool.
 *
 * <p>The agent rewrites each such call (DNS lookups now) to ask {@link #offloading()} first and,
 * if so, to call the matching method here, which makes the very same call again on a pool
 * thread. There the rewrite finds a platform thread and lets the original code run.
 */
public final class OffloadHooks {
    private OffloadHooks() {
    }

    /**
     * Say whether the current thread is a fiber whose blocking calls go to the offload pool.
     */
    public static boolean offloading() {
        return FiberRuntime.get() != null && Fibers.isFiber(Thread.currentThread());
    }

    /**
     * {@link InetAddressResolver#lookupByName} on a pool thread; the stream it returns is
     * drained there, so that no lookup is left for the fiber to do.
     */
    public static Stream<InetAddress> lookupByName(InetAddressResolver resolver, String host, LookupPolicy policy)
            throws UnknownHostException {
        InetAddress[] addresses = call(() -> resolver.lookupByName(host, policy).toArray(InetAddress[]::new));
        return Stream.of(addresses);
    }

    /**
     * {@link InetAddressResolver#lookupByAddress} on a pool thread.
     */
    public static String lookupByAddress(InetAddressResolver resolver, byte[] address) throws UnknownHostException {
        return call(() -> resolver.lookupByAddress(address));
    }

    private static <T> T call(java.util.concurrent.Callable<T> call) throws UnknownHostException {
        try {
            return FiberRuntime.get().offload().call(call);
        } catch (UnknownHostException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected " + e, e);
        }
    }
}
