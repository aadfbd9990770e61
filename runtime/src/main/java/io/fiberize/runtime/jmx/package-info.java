/**
 * Export the loops' statistics and the fiber dump as MXBeans in the platform MBean server,
 * once something creates it. Registration runs on the thread that creates the server; the
 * attributes are read on JMX's threads, without stopping a loop.
 */
package io.fiberize.runtime.jmx;
