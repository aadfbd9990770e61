package io.fiberize.benchmarks.macro;

import java.util.OptionalLong;

/**
 * Hold what holding idle connections cost one variant's server.
 *
 * @param variant the variant's label
 * @param target connections attempted
 * @param established connections established and echoed
 * @param rssBeforeKb the server's resident memory before connecting, in kB
 * @param rssAfterKb the server's resident memory with the connections open and idle, in kB
 * @param threadsAfter the server's OS threads with the connections open
 * @param failure why fewer than {@code target} were established, or empty
 * @param serverError the first error line the server printed (e.g. an {@code OutOfMemoryError}), or empty
 * @param jdkHelperResumes fiber resumes from JDK helper threads, from fiberize's exit report; empty without it
 */
record IdleResult(String variant, int target, int established, long rssBeforeKb, long rssAfterKb, int threadsAfter,
        String failure, String serverError, OptionalLong jdkHelperResumes) {

    /**
     * Return the resident memory added per established connection, in kB; NaN if none was established or
     * the server's memory could not be read (its JVM had exited).
     */
    double kbPerConnection() {
        if (established == 0 || rssBeforeKb < 0 || rssAfterKb < 0) {
            return Double.NaN;
        }
        return (rssAfterKb - rssBeforeKb) / (double) established;
    }
}
