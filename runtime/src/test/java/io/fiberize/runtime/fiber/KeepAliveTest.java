package io.fiberize.runtime.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads are daemon threads: without the keep-alive the JVM would exit under a fiber
 * that stands in for a non-daemon thread. Each case runs {@link KeepAliveMain} in a forked JVM.
 */
class KeepAliveTest {

    @Test
    void theJvmWaitsForANonDaemonFiberAfterMainReturns() throws Exception {
        String out = runForked("non-daemon");
        assertThat(out).contains(KeepAliveMain.MAIN_RETURNS).contains(KeepAliveMain.MARKER);
        assertThat(out.indexOf(KeepAliveMain.MARKER)).isGreaterThan(out.indexOf(KeepAliveMain.MAIN_RETURNS));
    }

    @Test
    void theJvmDoesNotWaitForADaemonFiber() throws Exception {
        String out = runForked("daemon");
        assertThat(out).contains(KeepAliveMain.MAIN_RETURNS).doesNotContain(KeepAliveMain.MARKER);
    }

    private static String runForked(String mode) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        // The packages the runtime reaches into: this JVM's, which the build opened from the runtime's list.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens=")).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KeepAliveMain.class.getName());
        command.add(mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM (" + mode + ") did not exit: the keep-alive never let go");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; output:%n%s", out).isZero();
        return out;
    }
}
