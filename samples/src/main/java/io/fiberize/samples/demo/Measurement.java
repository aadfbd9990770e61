package io.fiberize.samples.demo;

import io.fiberize.samples.loadgen.LoadReport;
import io.fiberize.samples.process.ProcessStatus;

/**
 * Pair what the load generator measured with what the server's process looked like under that load.
 *
 * @param setup how the server ran
 * @param load the load generator's report
 * @param peak the largest thread count and resident memory seen while the load ran
 */
record Measurement(ServerSetup setup, LoadReport load, ProcessStatus peak) {
}
