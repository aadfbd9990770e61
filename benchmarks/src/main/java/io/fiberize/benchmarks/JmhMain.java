package io.fiberize.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Run JMH with every forked JVM given the packages of java.base the runtime reaches into: the main
 * class of {@code benchmarks.jar}.
 *
 * <p>The benchmarks that start the runtime without the agent (ping-pong, spawn) need those packages
 * opened. The list is the runtime's own ({@value #OPENED_PACKAGES}, which the agent and the build read
 * too); {@code @Fork(jvmArgsAppend = ...)} takes only constants, so the flags are put in front of
 * JMH's command line instead, as {@code -jvmArgsPrepend}, which leaves {@code -jvmArgs} and
 * {@code -jvmArgsAppend} to the caller. (JMH splits an option's value at spaces only when the option
 * is given once: a second {@code -jvmArgsPrepend} on the command line would break the flags.)
 */
public final class JmhMain {
    private static final String OPENED_PACKAGES = "/META-INF/fiberize/opened-packages";

    private JmhMain() {
    }

    /**
     * Run JMH's launcher with {@code args} and the add-opens flags.
     */
    public static void main(String[] args) throws Exception {
        List<String> flags = new ArrayList<>();
        try (InputStream in = JmhMain.class.getResourceAsStream(OPENED_PACKAGES)) {
            if (in == null) {
                throw new IOException(OPENED_PACKAGES + " is missing from the class path");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .forEach(pkg -> flags.add("--add-opens=java.base/" + pkg.strip() + "=ALL-UNNAMED"));
        }
        List<String> withFlags = new ArrayList<>(List.of("-jvmArgsPrepend", String.join(" ", flags)));
        withFlags.addAll(List.of(args));
        org.openjdk.jmh.Main.main(withFlags.toArray(String[]::new));
    }
}
