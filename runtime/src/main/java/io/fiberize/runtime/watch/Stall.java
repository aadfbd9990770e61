package io.fiberize.runtime.watch;

import java.util.List;

/**
 * Describe one loop that stayed in one task past the watchdog's threshold.
 *
 * @param loop        the loop's name
 * @param millis      how long the task had run when seen
 * @param fiber       the fiber that ran, or {@code null} if it could not be identified
 * @param stack       the fiber's stack (innermost first), empty if unknown
 * @param cause       the likely cause
 * @param compensated the name of the carrier that took the loop over, or {@code null} if none did
 * @param sliced      whether the fiber's time slice ran out and it was told to yield, which it has not
 *                    done: it has reached no yield point since
 */
public record Stall(String loop, long millis, Thread fiber, List<StackTraceElement> stack, Cause cause,
                    String compensated, boolean sliced) {

    /** Why a loop stays in one task. */
    public enum Cause {
        /** The fiber runs Java code without yielding: a CPU loop. */
        BUSY("busy running Java code without yielding (a CPU loop?)"),
        /** A class initializer on the stack pins the fiber, and it blocks. */
        CLASS_INITIALIZER("pinned by a class initializer that blocks"),
        /** A native frame on the stack pins the fiber, or it sits in a native call. */
        NATIVE("pinned by a native frame (JNI or a blocking native call)"),
        /** The fiber blocks its carrier for another reason. */
        BLOCKED("blocked its carrier"),
        /** The carrier is runnable but the operating system does not run it: too little CPU for the threads. */
        STARVED("waiting for a CPU: the machine or the container is overloaded");

        private final String text;

        Cause(String text) {
            this.text = text;
        }

        /** Return the cause in words. */
        public String text() {
            return text;
        }

        /**
         * Say whether the carrier is held by the fiber, so that another carrier would let the
         * loop go on: not when it computes, nor when it waits for a CPU (another thread would
         * only wait too).
         */
        public boolean blocksCarrier() {
            return this != BUSY && this != STARVED;
        }
    }

    /**
     * Say why a fiber told to yield has not: its innermost frame is the JDK's, which has no yield
     * point, or it runs a loop of the kind that gets none.
     */
    private String unyielding() {
        String module = stack.isEmpty() ? null : stack.getFirst().getModuleName();
        return module != null && (module.startsWith("java.") || module.startsWith("jdk."))
                ? "its time slice ran out, but it computes in the JDK's code, which time slicing does not reach"
                : "its time slice ran out, but it has reached no yield point since (a loop over local variables"
                        + " and arrays only gets none)";
    }

    /**
     * Render the stall as one readable block: a headline, then the stack.
     */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append("loop ").append(loop).append(" stalled for ").append(millis).append(" ms in ");
        b.append(fiber == null ? "an unidentified task" : "fiber " + fiber);
        b.append(": ").append(cause.text()).append("; ");
        if (sliced) {
            b.append(unyielding()).append("; ");
        }
        b.append(compensated == null ? "not compensated"
                : "compensated: carrier " + compensated + " runs the loop's other fibers meanwhile");
        for (StackTraceElement frame : stack) {
            b.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return b.toString();
    }
}
