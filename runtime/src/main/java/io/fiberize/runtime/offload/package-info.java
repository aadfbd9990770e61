/**
 * Run the JDK's carrier-blocking calls (file I/O, DNS) on a pool of platform threads while the
 * fiber that made the call parks. Pool threads run the calls; fibers only hand them in and wait.
 */
package io.fiberize.runtime.offload;
