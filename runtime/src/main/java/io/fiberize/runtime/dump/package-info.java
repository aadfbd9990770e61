/**
 * Write this JVM's fiber dump: the JDK's JSON thread dump summarised with what the runtime knows of
 * each fiber, and the names a dump client and the process agree on. It runs on the thread that asks
 * for the dump (the attach listener for {@code jcmd}, a JMX thread for {@code dumpFibers}), without
 * stopping a loop. The client that asks from outside lives in {@code fiberize-tools}.
 */
package io.fiberize.runtime.dump;
