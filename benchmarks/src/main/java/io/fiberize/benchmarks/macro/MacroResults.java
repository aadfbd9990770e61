package io.fiberize.benchmarks.macro;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Hold everything one harness invocation measured, for the report.
 *
 * @param started when the first benchmark started
 * @param finished when the last benchmark finished
 * @param echoLoads the echo loads, in table order
 * @param echoVariants the echo variants' labels, in table order
 * @param echo the echo runs
 * @param idle one result per idle variant
 * @param million the million-connection attempt on fiberize, if it was asked for
 * @param httpLoads the HTTP loads, in table order
 * @param httpVariants the HTTP variants' labels, in table order
 * @param http the HTTP runs
 */
record MacroResults(Instant started, Instant finished, List<Load> echoLoads, List<String> echoVariants, Runs echo,
        List<IdleResult> idle, Optional<IdleResult> million, List<Load> httpLoads, List<String> httpVariants,
        Runs http) {
}
