package io.fiberize.agent.instrument.dump;

import io.fiberize.agent.instrument.Advice;
import io.fiberize.agent.instrument.JdkMethodInstrumentation;
import io.fiberize.runtime.hooks.DumpHooks;

/**
 * Let {@code jcmd <pid> Thread.dump_to_file <file>.fiberize} write the fiber dump.
 *
 * <p>Rewrites {@code jdk.internal.vm.ThreadDumper.dumpThreadsToFile}, what the diagnostic command
 * runs in the process, to write {@link DumpHooks#dumpToFile the fiber dump} instead of the JDK's
 * plain-text dump when {@link DumpHooks#fiberDumpRequested} says it is asked for; see {@link
 * DumpHooks}.
 */
public final class ThreadDumperInstrumentation extends JdkMethodInstrumentation {

    public ThreadDumperInstrumentation() {
        super("fiber dump (jdk.internal.vm.ThreadDumper)", "jdk.internal.vm.ThreadDumper",
                Target.of(Advice.replaceIf(DumpHooks.class, "fiberDumpRequested", "dumpToFile"),
                        "dumpThreadsToFile", String.class.getName(), "boolean", "boolean"));
    }
}
