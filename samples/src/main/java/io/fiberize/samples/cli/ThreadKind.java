package io.fiberize.samples.cli;

import java.util.Locale;

/**
 * Name what serves each connection, as {@code --threads} chooses it.
 */
public enum ThreadKind {
    /** A platform thread per connection, {@code new Thread(handler).start()}: the way the samples are written. */
    PLATFORM,
    /**
     * A JDK virtual thread per connection from {@code Executors.newVirtualThreadPerTaskExecutor()}: what a user
     * writes to use the JDK's own scheduler instead of fiberize. The benchmarks compare the two.
     */
    VIRTUAL;

    /** Describe the {@code --threads} option for a program's usage text. */
    public static final String USAGE =
            "  --threads K   platform: new Thread(...) per connection; virtual: JDK virtual threads (default platform)\n";

    /**
     * Read the {@code --threads} option: {@code platform} (the default) or {@code virtual}.
     */
    public static ThreadKind from(Arguments arguments) throws BadArgumentException {
        String name = arguments.text("threads", "platform");
        for (ThreadKind kind : values()) {
            if (kind.toString().equals(name)) {
                return kind;
            }
        }
        throw new BadArgumentException("invalid --threads '" + name + "': platform or virtual");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
