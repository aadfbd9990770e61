/**
 * Reach the JDK's internals: virtual-thread machinery, thread fields, epoll, the socket
 * poller. The only package that names {@code jdk.internal}, {@code sun.nio.ch} or {@code
 * java.lang.VirtualThread}; stateless handles that any thread may use.
 */
package io.fiberize.runtime.jdk;
