package io.fiberize.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.agent.instrument.net.ListenBacklogInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way of the JDK's to start listening calls the backlog hook instead of {@code Net.listen}.
 */
class ListenBacklogInstrumentationTest {

    @ParameterizedTest
    @CsvSource({
            "sun/nio/ch/NioSocketImpl, listen",                            // ServerSocket
            "sun/nio/ch/ServerSocketChannelImpl, netBind",                 // ServerSocketChannel, TCP
            "sun/nio/ch/ServerSocketChannelImpl, unixBind",                // ServerSocketChannel, UNIX-domain
            "sun/nio/ch/AsynchronousServerSocketChannelImpl, bind"})       // AsynchronousServerSocketChannel
    void listensThroughTheHook(String className, String method) {
        byte[] rewritten = new ListenBacklogInstrumentation().rewrite(AgentOptions.defaults())
                .apply(null, className, ClassFiles.ofJdk(className));

        assertThat(ClassFiles.calls(rewritten, method))
                .contains("invokestatic io/fiberize/runtime/hooks/ListenHooks.listen")
                .doesNotContain("invokestatic sun/nio/ch/Net.listen");
    }
}
