package io.fiberize.runtime.schedule;

import java.util.HexFormat;

/**
 * Fold every decision of a seeded schedule into one number: two runs with the same trace made the
 * same choices in the same order.
 *
 * <p>A 64-bit FNV-1a hash over the decisions, each the number of the task chosen (tasks are
 * numbered in the order the schedule first sees them, which is itself a product of the
 * schedule). Written by the loop's carrier only; read at exit.
 */
final class ScheduleTrace {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long hash = FNV_OFFSET;
    private long decisions;

    /** Record one decision. */
    void decided(long choice) {
        for (int shift = 0; shift < 64; shift += 8) {
            hash = (hash ^ ((choice >>> shift) & 0xff)) * FNV_PRIME;
        }
        decisions++;
    }

    /** Forget every decision so far. */
    void restart() {
        hash = FNV_OFFSET;
        decisions = 0;
    }

    long decisions() {
        return decisions;
    }

    /** Return the hash as 16 hex digits. */
    String hash() {
        return HexFormat.of().toHexDigits(hash);
    }
}
