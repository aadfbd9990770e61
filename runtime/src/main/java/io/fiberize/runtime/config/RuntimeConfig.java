package io.fiberize.runtime.config;

/**
 * Configure a fiber runtime.
 *
 * @param loops          number of loops (carrier threads); 1 runs one fiber at a time
 * @param watchdogMillis how long a loop may stay in one task before the watchdog reports it; 0 = off
 * @param sliceMillis    how long a fiber may compute in application code before it yields; 0 = never
 * @param offloadThreads most platform threads the offload pool may use
 * @param application    the classes whose {@code Thread} subclasses fibers run
 * @param schedule       the seeded schedule to run on, or {@code null} for the ordinary one; a
 *                       seeded schedule runs one loop, without the watchdog and time slicing,
 *                       whose real-time decisions it would otherwise depend on
 */
public record RuntimeConfig(int loops, long watchdogMillis, long sliceMillis, int offloadThreads,
                            ApplicationClasses application, SeededSchedule schedule) {

    public RuntimeConfig {
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1, not " + loops);
        }
        if (watchdogMillis < 0) {
            throw new IllegalArgumentException("watchdogMillis must not be negative, not " + watchdogMillis);
        }
        if (sliceMillis < 0) {
            throw new IllegalArgumentException("sliceMillis must not be negative, not " + sliceMillis);
        }
        if (offloadThreads < 1) {
            throw new IllegalArgumentException("offloadThreads must be at least 1, not " + offloadThreads);
        }
        if (schedule != null && (loops != 1 || watchdogMillis != 0 || sliceMillis != 0)) {
            throw new IllegalArgumentException("a seeded schedule runs one loop without watchdog and slicing, not loops="
                    + loops + ", watchdogMillis=" + watchdogMillis + ", sliceMillis=" + sliceMillis);
        }
    }
}
