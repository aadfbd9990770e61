package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The agent writes one line per event to standard error unless the application configured logging,
 * and then goes through {@code System.Logger}.
 */
class LoggingIT {

    @Test
    void withoutLoggingConfiguredEachMessageIsOneFiberizeLineOnStandardError() throws Exception {
        ForkedJvm.Result run = ForkedJvm.jdk25().agent("log=info").run("programs.MainReturns");
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.agentLines()).as("%s", run)
                .anyMatch(line -> line.startsWith("fiberize: version ") && line.contains(" on JDK 25"))
                .anyMatch(line -> line.startsWith("fiberize: at exit: "));
        assertThat(run.stderr()).doesNotContain("RuntimeLog").doesNotContain("INFO:");
        assertThat(run.programErrors()).as("%s", run).isEmpty();
    }

    @Test
    void aJavaUtilLoggingConfigurationFileSendsTheMessagesThroughTheLogger() throws Exception {
        Path config = Files.createTempFile("logging", ".properties");
        try {
            Files.writeString(config, """
                    handlers=java.util.logging.ConsoleHandler
                    java.util.logging.ConsoleHandler.level=ALL
                    java.util.logging.SimpleFormatter.format=[%4$s] %3$s %5$s%n
                    """);
            ForkedJvm.Result run = ForkedJvm.jdk25().agent("log=info")
                    .jvmOptions("-Djava.util.logging.config.file=" + config)
                    .run("programs.MainReturns");
            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.stderr()).as("%s", run).contains("[INFO] io.fiberize fiberize: version ");
        } finally {
            Files.delete(config);
        }
    }
}
