package io.fiberize.agent;

import io.fiberize.agent.options.AgentOptions;
import io.fiberize.agent.options.InvalidOptionException;
import io.fiberize.agent.options.LogLevel;
import io.fiberize.agent.options.OnUnsupported;
import io.fiberize.agent.options.OptionsParser;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;

/**
 * Start fiberize: check the options and the JDK, then hand over to the {@code Installer}.
 *
 * <p>This class is the front door of {@code fiberize.jar} (Premain-Class, Agent-Class,
 * Launcher-Agent-Class and Main-Class). It is compiled for Java 8 and reaches the JDK 25 code only by
 * reflection, so that on any JDK it can at least say why fiberize does not run. It never crashes the
 * application: a bad option ends the JVM with status 2 before {@code main} runs; an old JDK or a
 * failure to start is reported on one line of standard error (unless {@code log=off}) and the
 * application runs without fibers, or, with {@code onUnsupported=fail}, the JVM ends with status 3,
 * saying why whatever the log level. An agent attached to a running JVM ({@code agentmain}) reports
 * the same problems but never ends the JVM. The {@code Installer} and the code behind it return why
 * fiberize cannot run; reporting it and ending the JVM are done here only.
 */
public final class FiberizeAgent {

    private static final int EXIT_INVALID_OPTION = 2;
    private static final int EXIT_UNSUPPORTED = 3;

    private static final int MINIMUM_FEATURE = 25;
    private static final String INSTALLER = "io.fiberize.agent.Installer";
    private static final String WITHOUT_FIBERS = "running the application without fibers.";

    private FiberizeAgent() {
    }

    /**
     * Start fiberize before the application's {@code main}, from {@code -javaagent:fiberize.jar=options}.
     */
    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    /**
     * Start fiberize in a JVM that is already running, or from {@code Launcher-Agent-Class}.
     */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    /**
     * Print the usage ({@code --help}, or no argument) or the version ({@code --version}).
     */
    public static void main(String[] args) {
        String command = args.length == 0 ? "--help" : args[0];
        if (args.length <= 1 && (command.equals("--help") || command.equals("-h"))) {
            System.out.print(usage());
        } else if (args.length == 1 && command.equals("--version")) {
            System.out.println("fiberize " + version());
        } else {
            System.err.println("fiberize: unknown argument '" + command + "'; try --help");
            System.exit(EXIT_INVALID_OPTION);
        }
    }

    private static void start(String agentArgs, Instrumentation inst, boolean attached) {
        AgentOptions options;
        try {
            options = OptionsParser.parse(agentArgs, System.getProperties(), System.getenv("FIBERIZE_OPTS"));
        } catch (InvalidOptionException e) {
            if (attached) {
                System.err.println(e.getMessage() + "; " + WITHOUT_FIBERS);
            } else {
                exit(e.getMessage(), EXIT_INVALID_OPTION);
            }
            return;
        }
        String jdk = System.getProperty("java.specification.version");
        if (featureVersion(jdk) < MINIMUM_FEATURE) {
            cannotRun(options, attached, "JDK " + jdk + " is not supported (fiberize needs JDK " + MINIMUM_FEATURE
                    + " or newer)");
            return;
        }
        try {
            Object reason = Class.forName(INSTALLER)
                    .getMethod("install", AgentOptions.class, Instrumentation.class, boolean.class)
                    .invoke(null, options, inst, attached);
            if (reason != null) {
                cannotRun(options, attached, (String) reason);
            }
        } catch (InvocationTargetException e) {
            cannotRun(options, attached, "could not start (" + e.getCause() + ")");
        } catch (ReflectiveOperationException | LinkageError e) {
            cannotRun(options, attached, "could not start (" + e + ")");
        }
    }

    /**
     * Report why fiberize does not run, unless {@code log=off}; end the JVM, saying why, if
     * {@code onUnsupported=fail} and main has not run.
     */
    private static void cannotRun(AgentOptions options, boolean attached, String reason) {
        if (options.onUnsupported() == OnUnsupported.FAIL && !attached) {
            exit("fiberize: " + reason + "; exiting (onUnsupported=fail).", EXIT_UNSUPPORTED);
        } else if (options.log().allows(LogLevel.WARN)) {
            System.err.println(oneLine("fiberize: " + reason + "; " + WITHOUT_FIBERS));
        }
    }

    /**
     * Print {@code message} and end the JVM with {@code status}, before the application's main runs.
     */
    private static void exit(String message, int status) {
        System.err.println(oneLine(message));
        System.err.flush();
        System.exit(status);
    }

    /**
     * Return the feature release of a {@code java.specification.version}: 8 for "1.8", 17 for "17".
     *
     * @return the feature release, or 0 if {@code specification} is not a version
     */
    static int featureVersion(String specification) {
        if (specification == null) {
            return 0;
        }
        String feature = specification.startsWith("1.") ? specification.substring(2) : specification;
        int end = 0;
        while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
            end++;
        }
        return end == 0 || end > 9 ? 0 : Integer.parseInt(feature.substring(0, end));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String usage() {
        return "fiberize " + version() + ": runs unmodified blocking Java programs on fibers around one event loop.\n"
                + "\n"
                + "Usage:\n"
                + "  java -javaagent:fiberize.jar[=key=value,key=value...] -jar app.jar\n"
                + "  java -javaagent:fiberize.jar -Dfiberize.loops=2 -cp app.jar Main\n"
                + "  FIBERIZE_OPTS=log=info java -javaagent:fiberize.jar -jar app.jar\n"
                + "\n"
                + "Options (agent argument > -Dfiberize.<key> > FIBERIZE_OPTS > default):\n"
                + String.format("  %-26s %-7s %s\n", "key=value", "default", "meaning")
                + OptionsParser.usage()
                + "\n"
                + "Needs JDK " + MINIMUM_FEATURE + " or newer on Linux; on an older JDK the application runs without"
                + " fibers.\n";
    }

    private static String version() {
        String version = FiberizeAgent.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version)" : version;
    }
}
