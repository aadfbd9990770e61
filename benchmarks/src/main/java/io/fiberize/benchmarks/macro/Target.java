package io.fiberize.benchmarks.macro;

/**
 * Name one DESIGN §4 target: fiberize's figure over a peer's must be at least, or at most, a threshold.
 *
 * @param figure the figure compared, e.g. {@code round trips/s}
 * @param peer the label of the variant fiberize is compared with
 * @param atLeast whether the ratio must be at least the threshold (else at most)
 * @param threshold the ratio the target names
 */
record Target(String figure, String peer, boolean atLeast, double threshold) {

    /**
     * Describe the target, e.g. {@code round trips/s vs netty 1 loop >= 1.00x}.
     */
    String describe() {
        return figure + " vs " + peer + " " + (atLeast ? ">=" : "<=") + " " + Format.ratio(threshold);
    }

    /**
     * Say {@code met} or {@code missed} for {@code ratio}, or {@code not measured} for NaN.
     */
    String verdict(double ratio) {
        if (Double.isNaN(ratio)) {
            return "not measured";
        }
        return (atLeast ? ratio >= threshold : ratio <= threshold) ? "met" : "**missed**";
    }
}
