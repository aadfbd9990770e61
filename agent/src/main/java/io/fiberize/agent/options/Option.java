package io.fiberize.agent.options;

/**
 * List every option the agent reads, with what it accepts, its default and what it does.
 *
 * <p>This table is the one source for the usage text and the error messages; the typed defaults
 * are in {@link AgentOptions#defaults()} and the parsing is in {@link OptionsParser}.
 */
enum Option {
    LOOPS("loops", "N|auto", "1",
            "event loops (carrier threads) the fibers run on; auto = one per CPU",
            "a number from 1 to " + OptionsParser.MAX_LOOPS + " or 'auto'"),
    INCLUDE("include", "prefix;...", "all",
            "only threads started by classes with these name prefixes become fibers",
            "class-name prefixes separated by ';' (no wildcards), e.g. com.example.;org.acme.Server"),
    EXCLUDE("exclude", "prefix;...", "none",
            "threads started by classes with these name prefixes never become fibers",
            "class-name prefixes separated by ';' (no wildcards), e.g. com.example.;org.acme.Server"),
    WATCHDOG("watchdog", "duration", "100ms",
            "report a loop that has not come back for this long (100ms, 2s; a plain number is ms); 0 = off",
            "a duration from 0 to " + OptionsParser.MAX_WATCHDOG_MILLIS / 1000
                    + "s: milliseconds (250) or a number with unit ms or s (100ms, 2s); 0 turns the watchdog off"),
    SLICE("slice", "duration", "10ms",
            "a fiber that computes this long in application code yields to the others (10ms, 1s); 0 = never",
            "a duration from 0 to " + OptionsParser.MAX_SLICE_MILLIS / 1000
                    + "s: milliseconds (10) or a number with unit ms or s (10ms, 1s); 0 turns time slicing off"),
    OFFLOAD("offload", "N", "64",
            "most platform threads for calls that block a carrier (DNS lookups, file I/O)",
            "a number from 1 to " + OptionsParser.MAX_OFFLOAD),
    LOG("log", "off|warn|info|debug", "warn",
            "how much the agent writes to standard error",
            "one of off, warn, info, debug"),
    ON_UNSUPPORTED("onUnsupported", "warn|fail", "warn",
            "when fiberize cannot run (JDK older than 25, failure to start): run without fibers or exit with status 3",
            "one of warn, fail"),
    SEED("seed", "N|off", "off",
            "run on a reproducible schedule with virtual time, drawn from seed N (for tests; one loop, no slicing)",
            "'off' or a number from 0 to " + OptionsParser.MAX_SEED),
    SCHEDULE("schedule", "random|pct", "random",
            "with seed=: how the next fiber is chosen (a random walk, or PCT priorities)",
            "one of random, pct"),
    PCT_DEPTH("pctDepth", "N", "3",
            "with seed= and schedule=pct: the bug depth aimed at (pctDepth - 1 priority changes)",
            "a number from 1 to " + OptionsParser.MAX_PCT_DEPTH);

    private final String key;
    private final String syntax;
    private final String defaultValue;
    private final String meaning;
    private final String expected;

    Option(String key, String syntax, String defaultValue, String meaning, String expected) {
        this.key = key;
        this.syntax = syntax;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.expected = expected;
    }

    /**
     * Find the option named {@code key}, exactly as spelled (keys are case-sensitive).
     *
     * @return the option, or null if no option has that name
     */
    static Option forKey(String key) {
        for (Option option : values()) {
            if (option.key.equals(key)) {
                return option;
            }
        }
        return null;
    }

    /**
     * List every key, separated by ", ", in table order.
     */
    static String keys() {
        StringBuilder keys = new StringBuilder();
        for (Option option : values()) {
            if (keys.length() > 0) {
                keys.append(", ");
            }
            keys.append(option.key);
        }
        return keys.toString();
    }

    String key() {
        return key;
    }

    String syntax() {
        return syntax;
    }

    String defaultValue() {
        return defaultValue;
    }

    String meaning() {
        return meaning;
    }

    /**
     * Say what values are accepted, as the end of an error message ("expected ...").
     */
    String expected() {
        return expected;
    }
}
