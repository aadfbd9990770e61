package io.fiberize.agent.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Hold the agent's effective options: every value resolved, checked and immutable.
 *
 * <p>Built by {@link OptionsParser#parse}; see {@link Option} for what each one means.
 */
public final class AgentOptions {

    private static final AgentOptions DEFAULTS = new AgentOptions(1, Collections.<String>emptyList(),
            Collections.<String>emptyList(), 100, 10, 64, LogLevel.WARN, OnUnsupported.WARN, null, SchedulePolicy.RANDOM,
            3);

    private final int loops;
    private final List<String> include;
    private final List<String> exclude;
    private final long watchdogMillis;
    private final long sliceMillis;
    private final int offload;
    private final LogLevel log;
    private final OnUnsupported onUnsupported;
    private final Long seed;
    private final SchedulePolicy schedule;
    private final int pctDepth;

    AgentOptions(int loops, List<String> include, List<String> exclude, long watchdogMillis, long sliceMillis,
            int offload, LogLevel log, OnUnsupported onUnsupported, Long seed, SchedulePolicy schedule, int pctDepth) {
        this.loops = loops;
        this.include = Collections.unmodifiableList(new ArrayList<String>(include));
        this.exclude = Collections.unmodifiableList(new ArrayList<String>(exclude));
        this.watchdogMillis = watchdogMillis;
        this.sliceMillis = sliceMillis;
        this.offload = offload;
        this.log = log;
        this.onUnsupported = onUnsupported;
        this.seed = seed;
        this.schedule = schedule;
        this.pctDepth = pctDepth;
    }

    /**
     * Return the options used when none is given.
     */
    public static AgentOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Return the number of event loops (carrier threads), 1 to 256; {@code auto} is already resolved.
     */
    public int loops() {
        return loops;
    }

    /**
     * Return the class-name prefixes whose thread creation is fiberized; empty means all application
     * classes.
     */
    public List<String> include() {
        return include;
    }

    /**
     * Return the class-name prefixes whose thread creation is never fiberized; empty by default.
     */
    public List<String> exclude() {
        return exclude;
    }

    /**
     * Return how long a loop may stay away before the watchdog reports it, in milliseconds; 0 means
     * the watchdog is off.
     */
    public long watchdogMillis() {
        return watchdogMillis;
    }

    /**
     * Return how long a fiber may compute in application code before it yields to the others, in
     * milliseconds; 0 means never (no yield points are inserted).
     */
    public long sliceMillis() {
        return sliceMillis;
    }

    /**
     * Return the most platform threads the offload pool may start, 1 to 4096.
     */
    public int offload() {
        return offload;
    }

    /**
     * Return how much the agent logs.
     */
    public LogLevel log() {
        return log;
    }

    /**
     * Return what to do when fiberize cannot run.
     */
    public OnUnsupported onUnsupported() {
        return onUnsupported;
    }

    /**
     * Return the seed of the reproducible schedule, or {@code null} for the ordinary one ({@code seed=off}).
     */
    public Long seed() {
        return seed;
    }

    /**
     * Return how a seeded schedule chooses the next fiber.
     */
    public SchedulePolicy schedule() {
        return schedule;
    }

    /**
     * Return the bug depth a PCT schedule aims at, 1 to {@value OptionsParser#MAX_PCT_DEPTH}.
     */
    public int pctDepth() {
        return pctDepth;
    }

    /**
     * Describe every effective value on one line, e.g. {@code loops=1,include=(all),...}, for the
     * startup log.
     */
    public String describe() {
        return "loops=" + loops
                + ",include=" + prefixes(include, "(all)")
                + ",exclude=" + prefixes(exclude, "(none)")
                + ",watchdog=" + duration(watchdogMillis)
                + ",slice=" + duration(sliceMillis)
                + ",offload=" + offload
                + ",log=" + lowerCase(log)
                + ",onUnsupported=" + lowerCase(onUnsupported)
                + (seed == null ? ",seed=off" : ",seed=" + seed + ",schedule=" + lowerCase(schedule)
                        + (schedule == SchedulePolicy.PCT ? ",pctDepth=" + pctDepth : ""));
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String prefixes(List<String> prefixes, String whenEmpty) {
        if (prefixes.isEmpty()) {
            return whenEmpty;
        }
        StringBuilder joined = new StringBuilder();
        for (String prefix : prefixes) {
            if (joined.length() > 0) {
                joined.append(OptionsParser.LIST_SEPARATOR);
            }
            joined.append(prefix);
        }
        return joined.toString();
    }

    private static String duration(long millis) {
        return millis != 0 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
