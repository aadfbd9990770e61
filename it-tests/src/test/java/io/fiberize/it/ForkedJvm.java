package io.fiberize.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run a program in a JVM of its own and capture its exit status, standard output and standard error.
 *
 * <p>{@link #run} waits for the program to end; {@link #start} leaves a server running in the background.
 *
 * <p>Options that the surrounding environment could slip in ({@code FIBERIZE_OPTS},
 * {@code JAVA_TOOL_OPTIONS}, ...) are removed, so each test sees only what it set.
 */
final class ForkedJvm {

    /** The JDK 17 that {@link OldJdkIT} runs the agent on. */
    static final Path JDK_17_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    /** In place of a main class: run the jar that the first argument names. */
    private static final String JAR = "-jar";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> FOREIGN_VARIABLES =
            List.of("FIBERIZE_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Path java;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private String classPath = BuildOutputs.programsClassPath();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int descriptorLimit;

    private ForkedJvm(Path java) {
        this.java = java;
    }

    /**
     * Prepare a JVM of the JDK running the tests (25 or newer).
     */
    static ForkedJvm jdk25() {
        return new ForkedJvm(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * Prepare a JVM of the JDK whose {@code java} launcher is {@code java}.
     */
    static ForkedJvm of(Path java) {
        return new ForkedJvm(java);
    }

    /**
     * Add {@code -javaagent:fiberize.jar}, with {@code agentArgs} after {@code =} unless null.
     */
    ForkedJvm agent(String agentArgs) {
        String agent = "-javaagent:" + BuildOutputs.agentJar();
        jvmOptions.add(agentArgs == null ? agent : agent + "=" + agentArgs);
        return this;
    }

    /**
     * Let {@link #run} wait {@code limit} for the program to end (90 s unless set).
     */
    ForkedJvm timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /**
     * Run the JVM with at most {@code limit} open file descriptors (soft and hard limit, through
     * util-linux's {@code prlimit}: the JVM raises its soft limit to the hard one at start-up).
     */
    ForkedJvm descriptorLimit(int limit) {
        descriptorLimit = limit;
        return this;
    }

    /**
     * Add JVM options, e.g. {@code -Dfiberize.loops=2}.
     */
    ForkedJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /**
     * Set an environment variable of the forked JVM.
     */
    ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Replace the class path, which is the test programs' directory by default.
     */
    ForkedJvm classPath(String newClassPath) {
        classPath = newClassPath;
        return this;
    }

    /**
     * Run {@code mainClass} with {@code args} and wait for it to end; fail the test if it takes too long.
     */
    Result run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = command(mainClass, args);
        Path stdout = Files.createTempFile("forked-jvm", ".out");
        Path stderr = Files.createTempFile("forked-jvm", ".err");
        try {
            Process process = processBuilder(command, stdout, stderr).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail("%s did not end within %s%nstdout:%n%s%nstderr:%n%s", String.join(" ", command), timeout,
                        Files.readString(stdout), Files.readString(stderr));
            }
            return new Result(String.join(" ", command), process.exitValue(),
                    Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * Start {@code mainClass} with {@code args} in the background and wait until it prints
     * {@code listening on <port>}; fail the test if it does not.
     */
    ServerJvm start(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = command(mainClass, args);
        Path stdout = Files.createTempFile("server-jvm", ".out");
        Path stderr = Files.createTempFile("server-jvm", ".err");
        return ServerJvm.start(String.join(" ", command), processBuilder(command, stdout, stderr), stdout, stderr);
    }

    /**
     * Run the executable {@code jar} ({@code java -jar}, as users run an application) with {@code
     * args} and wait for it to end; fail the test if it takes too long.
     */
    Result runJar(Path jar, String... args) throws IOException, InterruptedException {
        return run(JAR, prepend(jar.toString(), args));
    }

    /**
     * Start the executable {@code jar} ({@code java -jar}) with {@code args} in the background and
     * wait until it prints {@code listening on <port>}; fail the test if it does not.
     */
    ServerJvm startJar(Path jar, String... args) throws IOException, InterruptedException {
        return start(JAR, prepend(jar.toString(), args));
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        if (descriptorLimit > 0) {
            command.addAll(List.of("prlimit", "--nofile=" + descriptorLimit + ":" + descriptorLimit, "--"));
        }
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(mainClass.equals(JAR) ? List.of(JAR) : List.of("-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private ProcessBuilder processBuilder(List<String> command, Path stdout, Path stderr) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        FOREIGN_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Hold what a forked JVM did.
     *
     * @param command the command line, for failure messages
     * @param exitCode its exit status
     * @param stdout everything it wrote to standard output
     * @param stderr everything it wrote to standard error
     */
    record Result(String command, int exitCode, String stdout, String stderr) {

        /**
         * Return the lines of standard error that the agent wrote (they start with {@code fiberize:}).
         */
        List<String> agentLines() {
            return stderr.lines().filter(line -> line.startsWith("fiberize:")).toList();
        }

        /**
         * Return the lines of standard error that the program wrote itself, and the agent's warnings: not the
         * JVM's CDS warning, not the agent's {@code log=info} messages, not the watchdog's reports of a
         * stalled loop (a report of time taken, which tests do not assert).
         */
        List<String> programErrors() {
            List<String> lines = new ArrayList<>();
            boolean inStallReport = false;
            for (String line : stderr.lines().toList()) {
                inStallReport = line.startsWith("fiberize: warning: loop ") && line.contains(" stalled for ")
                        || inStallReport && line.startsWith("\tat ");
                boolean agentInfo = line.startsWith("fiberize: ") && !line.startsWith("fiberize: warning: ");
                if (!inStallReport && !agentInfo
                        && !line.startsWith("OpenJDK 64-Bit Server VM warning: Sharing is only supported")) {
                    lines.add(line);
                }
            }
            return lines;
        }

        /** Return the watchdog's reports of a stalled loop, in order. */
        List<StallReport> stallReports() {
            return StallReport.in(stderr);
        }

        /**
         * Return the reports where something held the carrier (a native frame, a class
         * initializer, a blocking call): not those where the watchdog found it computing or
         * waiting for a CPU, nor those of a fiber loading a class ({@link StallReport#loadsAClass}).
         */
        List<StallReport> stallReportsOfABlockedCarrier() {
            return stallReports().stream().filter(report -> !report.onTheCpu() && !report.loadsAClass()).toList();
        }

        @Override
        public String toString() {
            return command + "\nexit status " + exitCode + "\nstdout:\n" + stdout + "stderr:\n" + stderr;
        }
    }
}
