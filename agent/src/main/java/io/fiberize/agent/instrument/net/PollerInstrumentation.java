package io.fiberize.agent.instrument.net;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.fiberize.agent.instrument.JdkTargets;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.net.NetHooks;
import java.util.function.BooleanSupplier;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
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
public final class PollerInstrumentation implements TypeInstrumentation {
    private static final String POLLER = "sun.nio.ch.Poller";

    @Override
    public String name() {
        return "socket waits (sun.nio.ch.Poller)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of(POLLER);
    }

    @Override
    public String check() {
        String poll = JdkTargets.missing(POLLER, "poll", "int", "int", "long",
                BooleanSupplier.class.getName());
        return poll != null ? poll : JdkTargets.missing(POLLER, "stopPoll", "int", "int");
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, AgentOptions options) {
        return builder.type(named(POLLER)).transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(PollAdvice.class).on(named("poll").and(isStatic())
                        .and(takesArguments(int.class, int.class, long.class, BooleanSupplier.class))))
                .visit(Advice.to(StopPollAdvice.class).on(named("stopPoll").and(isStatic())
                        .and(takesArguments(int.class, int.class)))));
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
