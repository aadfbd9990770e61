package io.fiberize.it;

import java.util.logging.ConsoleHandler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keep a console handler on {@code java.util.logging}'s root logger while the JVM exits, so that the agent's
 * exit report is printed; {@link Fiberized#runWithLibraries} runs its JVMs with
 * {@code -Djava.util.logging.manager=io.fiberize.it.KeepLogHandlersAtExit}.
 *
 * <p>A workaround of an agent issue, to be removed when the agent no longer needs it: the agent logs its exit
 * report through {@code System.Logger} from a shutdown hook, and once the program has initialized
 * {@code java.util.logging} (the PostgreSQL driver, NanoHTTPD, commons-logging and the platform MBean server
 * do), {@code System.Logger} goes through it. {@code LogManager}'s own shutdown hook (thread
 * {@code Logging-Cleaner}) runs at the same time, marks the JVM as dying and calls {@link #reset}, which
 * removes the root logger's handlers; and the root handlers, created lazily at the first message, are never
 * created once the JVM is dying. This class leaves the handlers in place at that reset, and adds a console
 * handler if there was none.
 */
public final class KeepLogHandlersAtExit extends LogManager {
    /** The name of the thread of {@code LogManager}'s shutdown hook. */
    private static final String CLEANER = "Logging-Cleaner";

    @Override
    public void reset() {
        if (!Thread.currentThread().getName().equals(CLEANER)) {
            super.reset();
            return;
        }
        Logger root = Logger.getLogger("");
        if (root.getHandlers().length == 0) {
            root.addHandler(new ConsoleHandler());
        }
    }
}
