package io.fiberize.agent.options;

/**
 * Choose how much the agent writes to standard error.
 *
 * <p>Levels are ordered: each one logs everything the levels before it log.
 */
public enum LogLevel {
    /** Log nothing, not even warnings. */
    OFF,
    /** Log what the user should act on: a program running without fibers, a stalled loop. */
    WARN,
    /** Also log what the agent did at start. */
    INFO,
    /** Also log what the agent does as the program runs. */
    DEBUG;

    /**
     * Tell whether a message at {@code level} is logged when this level is set.
     *
     * @param level the level of the message; {@link #OFF} is never logged
     * @return true if the message should be written
     */
    public boolean allows(LogLevel level) {
        return level != OFF && compareTo(level) >= 0;
    }
}
