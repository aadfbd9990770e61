/**
 * The entry points that the code the agent rewrote calls: thread creation and identity, socket
 * waits, offloaded calls, timers, yield points, the fiber dump. They run on whatever thread runs
 * that code; each leaves the JDK's own behaviour alone until the runtime is up. The only
 * package above the composition root: nothing in the runtime calls back into it.
 */
package io.fiberize.runtime.hooks;
