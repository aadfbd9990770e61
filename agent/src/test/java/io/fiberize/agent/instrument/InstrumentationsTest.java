package io.fiberize.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.agent.instrument.net.ListenBacklogInstrumentation;
import io.fiberize.agent.instrument.net.PollerCallInstrumentation;
import io.fiberize.agent.instrument.offload.DnsInstrumentation;
import io.fiberize.agent.instrument.offload.FileChannelInstrumentation;
import io.fiberize.agent.instrument.offload.FileInputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.FileOutputStreamInstrumentation;
import io.fiberize.agent.instrument.offload.RandomAccessFileInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadArgumentInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadFactoryInstrumentation;
import io.fiberize.agent.instrument.thread.ThreadInstrumentation;
import io.fiberize.agent.instrument.thread.TimerInstrumentation;
import io.fiberize.agent.instrument.thread.VirtualThreadInstrumentation;
import io.fiberize.agent.instrument.time.VirtualThreadTimerInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import java.lang.classfile.ClassFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rewrites of the JDK's own classes, applied to this JDK's class files and checked by the
 * class-file verifier; the agent itself is not installed.
 */
class InstrumentationsTest {

    static Stream<TypeInstrumentation> jdkRewrites() {
        return Stream.of(new PollerCallInstrumentation(), new ListenBacklogInstrumentation(),
                new VirtualThreadTimerInstrumentation(),
                new VirtualThreadInstrumentation(), new ThreadInstrumentation(), ThreadArgumentInstrumentation.lockSupport(),
                ThreadArgumentInstrumentation.queuedSynchronizer(), ThreadArgumentInstrumentation.queuedLongSynchronizer(),
                new ThreadFactoryInstrumentation(), new TimerInstrumentation(),
                new DnsInstrumentation(), new FileInputStreamInstrumentation(), new FileOutputStreamInstrumentation(),
                new RandomAccessFileInstrumentation(), new FileChannelInstrumentation());
    }

    @Test
    void thisJdkHasEverythingTheRewritesNeed() {
        assertThat(Instrumentations.check()).isNull();
    }

    @ParameterizedTest
    @MethodSource("jdkRewrites")
    void rewritesTheJdkClassIntoOneTheVerifierAccepts(TypeInstrumentation instrumentation) {
        for (String target : instrumentation.jdkTargets()) {
            String internalName = target.replace('.', '/');
            byte[] rewritten = instrumentation.rewrite(AgentOptions.defaults())
                    .apply(null, internalName, ClassFiles.ofJdk(internalName));

            assertThat(rewritten).as(target).isNotNull();
            assertThat(ClassFile.of().verify(rewritten)).as(target).isEmpty();
            assertThat(ClassFiles.calls(rewritten, name -> true))
                    .as(target).anyMatch(call -> call.startsWith("invokestatic io/fiberize/runtime/"));
        }
    }

    @Test
    void theTimerStartsItsThreadThroughTheHook() {
        byte[] timer = new TimerInstrumentation().rewrite(AgentOptions.defaults())
                .apply(null, "java/util/Timer", ClassFiles.ofJdk("java/util/Timer"));
        assertThat(ClassFiles.calls(timer, "<init>"))
                .contains("invokestatic io/fiberize/runtime/hooks/ThreadHooks.start")
                .doesNotContain("invokevirtual java/util/TimerThread.start");
    }
}
