package io.fiberize.agent.instrument.net;

import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.net.NetHooks;
import java.util.function.BooleanSupplier;
import net.bytebuddy.asm.Advice;

/**
 * Send every blocking socket wait of a fiber to its loop's selector.
 *
 * <p>Rewrites {@code sun.nio.ch.Poller.poll(int fd, int event, long nanos, BooleanSupplier
 * isOpen)}, where {@code NioSocketImpl} ({@code Socket}, {@code ServerSocket}), {@code SelChImpl}
 * (blocking {@code SocketChannel}, {@code ServerSocketChannel}, pipes) and
 * {@code DatagramChannelImpl} ({@code DatagramSocket}, {@code DatagramChannel}) park a virtual
 * thread, and {@code stopPoll(int, int)}, where closing such a channel wakes it. {@code
 * SSLSocket} reads and writes through those sockets and needs nothing of its own.
 */
public final class PollerInstrumentation extends JdkMethodInstrumentation {

    public PollerInstrumentation() {
        super("socket waits (sun.nio.ch.Poller)", "sun.nio.ch.Poller",
                Target.of(PollAdvice.class, "poll", "int", "int", "long", BooleanSupplier.class.getName()),
                Target.of(StopPollAdvice.class, "stopPoll", "int", "int"));
    }

    /** Park a fiber on its loop's selector, skipping the JDK's poller. */
    static final class PollAdvice {
        private PollAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.Argument(0) int fd, @Advice.Argument(1) int event,
                             @Advice.Argument(2) long nanos, @Advice.Argument(3) BooleanSupplier isOpen) {
            return NetHooks.poll(fd, event, nanos, isOpen);
        }
    }

    /** Wake fibers waiting on a descriptor being closed; the JDK's own poller is woken too. */
    static final class StopPollAdvice {
        private StopPollAdvice() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) int fd, @Advice.Argument(1) int event) {
            NetHooks.stopPoll(fd, event);
        }
    }
}
