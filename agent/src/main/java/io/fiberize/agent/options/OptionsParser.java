package io.fiberize.agent.options;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turn what the user wrote into checked {@link AgentOptions}.
 *
 * <p>Options come from three places, each written as {@code key=value}:
 * <ol>
 *   <li>the agent argument, {@code -javaagent:fiberize.jar=loops=2,log=info} (options separated by
 *       {@code ,});</li>
 *   <li>system properties, {@code -Dfiberize.loops=2};</li>
 *   <li>the environment variable {@code FIBERIZE_OPTS}, same syntax as the agent argument.</li>
 * </ol>
 * The first place in that list that gives an option wins (agent argument &gt; system property &gt;
 * {@code FIBERIZE_OPTS} &gt; default). Every place is checked in full, so a mistake is reported even
 * where a higher place overrides it. Keys are case-sensitive; an option may be given once per place.
 * {@code include} and {@code exclude} take several prefixes separated by {@code ;}.
 */
public final class OptionsParser {

    static final String PROPERTY_PREFIX = "fiberize.";
    static final String ENVIRONMENT_VARIABLE = "FIBERIZE_OPTS";
    static final String LIST_SEPARATOR = ";";
    static final int MAX_LOOPS = 256;
    static final long MAX_WATCHDOG_MILLIS = 600_000;
    static final long MAX_SLICE_MILLIS = 10_000;
    static final int MAX_OFFLOAD = 4096;
    static final long MAX_SEED = 999_999_999L;
    static final int MAX_PCT_DEPTH = 10;

    private int loops;
    private List<String> include;
    private List<String> exclude;
    private long watchdogMillis;
    private long sliceMillis;
    private int offload;
    private LogLevel log;
    private OnUnsupported onUnsupported;
    private Long seed;
    private SchedulePolicy schedule;
    private int pctDepth;
    /** Each option given: its last value and where it came from, for the options a seed rules out. */
    private final Map<Option, String[]> given = new EnumMap<Option, String[]>(Option.class);

    private OptionsParser(AgentOptions defaults) {
        loops = defaults.loops();
        include = defaults.include();
        exclude = defaults.exclude();
        watchdogMillis = defaults.watchdogMillis();
        sliceMillis = defaults.sliceMillis();
        offload = defaults.offload();
        log = defaults.log();
        onUnsupported = defaults.onUnsupported();
        seed = defaults.seed();
        schedule = defaults.schedule();
        pctDepth = defaults.pctDepth();
    }

    /**
     * Parse the options from all three places and resolve them against the defaults.
     *
     * @param agentArgs the agent argument as the JVM passes it to {@code premain}, or null
     * @param systemProperties the system properties; only keys starting with {@code fiberize.} are read
     * @param fiberizeOptsEnv the value of {@code FIBERIZE_OPTS}, or null when it is not set
     * @return the effective options
     * @throws InvalidOptionException on the first option that is malformed, unknown, repeated or out of
     *         range, with a one-line message saying where it came from and what is accepted
     */
    public static AgentOptions parse(String agentArgs, Properties systemProperties, String fiberizeOptsEnv)
            throws InvalidOptionException {
        OptionsParser parser = new OptionsParser(AgentOptions.defaults());
        parser.applyList(fiberizeOptsEnv, OptionSource.ENVIRONMENT);
        parser.applyProperties(systemProperties);
        parser.applyList(agentArgs, OptionSource.AGENT_ARGUMENT);
        if (parser.seed != null) {
            parser.seeded();
        }
        return new AgentOptions(parser.loops, parser.include, parser.exclude, parser.watchdogMillis,
                parser.sliceMillis, parser.offload, parser.log, parser.onUnsupported, parser.seed, parser.schedule,
                parser.pctDepth);
    }

    /**
     * Run one loop without watchdog and time slicing, as a seeded schedule must: those decide by
     * real time, which the schedule replaces. Asking for any of them besides a seed is an error.
     */
    private void seeded() throws InvalidOptionException {
        ruledOutBySeed(Option.LOOPS, loops != 1);
        ruledOutBySeed(Option.WATCHDOG, watchdogMillis != 0);
        ruledOutBySeed(Option.SLICE, sliceMillis != 0);
        loops = 1;
        watchdogMillis = 0;
        sliceMillis = 0;
    }

    private void ruledOutBySeed(Option option, boolean conflicts) throws InvalidOptionException {
        String[] valueAndWhere = given.get(option);
        if (valueAndWhere != null && conflicts) {
            throw InvalidOptionException.badValue(option, valueAndWhere[0], valueAndWhere[1],
                    "a seeded schedule (seed=) runs one loop without watchdog and time slicing");
        }
    }

    /**
     * Describe every option, one per line: syntax, default and meaning, for {@code --help}.
     */
    public static String usage() {
        StringBuilder usage = new StringBuilder();
        for (Option option : Option.values()) {
            String form = option.key() + "=" + option.syntax();
            usage.append(String.format("  %-26s %-7s %s\n", form, option.defaultValue(), option.meaning()));
        }
        return usage.toString();
    }

    private void applyList(String list, OptionSource source) throws InvalidOptionException {
        if (list == null) {
            return;
        }
        Set<Option> seen = new HashSet<Option>();
        for (String rawToken : list.split(",", -1)) {
            String token = rawToken.trim();
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            String key = equals < 0 ? "" : token.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw InvalidOptionException.malformed(token, source.where(key));
            }
            Option option = Option.forKey(key);
            if (option == null) {
                throw InvalidOptionException.unknownKey(key, source.where(key));
            }
            if (!seen.add(option)) {
                throw InvalidOptionException.repeated(option, source.where(key));
            }
            apply(option, token.substring(equals + 1).trim(), source.where(key));
        }
    }

    private void applyProperties(Properties properties) throws InvalidOptionException {
        for (String name : new TreeSet<String>(properties.stringPropertyNames())) {
            if (!name.startsWith(PROPERTY_PREFIX)) {
                continue;
            }
            String key = name.substring(PROPERTY_PREFIX.length());
            String where = OptionSource.SYSTEM_PROPERTY.where(key);
            Option option = Option.forKey(key);
            if (option == null) {
                throw InvalidOptionException.unknownKey(key, where);
            }
            apply(option, properties.getProperty(name).trim(), where);
        }
    }

    private void apply(Option option, String value, String where) throws InvalidOptionException {
        if (value.isEmpty()) {
            throw InvalidOptionException.badValue(option, value, where, "empty value");
        }
        given.put(option, new String[] {value, where});
        switch (option) {
            case LOOPS:
                loops = "auto".equals(value)
                        ? Math.min(Runtime.getRuntime().availableProcessors(), MAX_LOOPS)
                        : (int) number(option, value, where, 1, MAX_LOOPS);
                break;
            case INCLUDE:
                include = prefixes(option, value, where);
                break;
            case EXCLUDE:
                exclude = prefixes(option, value, where);
                break;
            case WATCHDOG:
                watchdogMillis = durationMillis(option, value, where, MAX_WATCHDOG_MILLIS);
                break;
            case SLICE:
                sliceMillis = durationMillis(option, value, where, MAX_SLICE_MILLIS);
                break;
            case OFFLOAD:
                offload = (int) number(option, value, where, 1, MAX_OFFLOAD);
                break;
            case LOG:
                log = choice(option, value, where, LogLevel.values());
                break;
            case ON_UNSUPPORTED:
                onUnsupported = choice(option, value, where, OnUnsupported.values());
                break;
            case SEED:
                seed = "off".equals(value) ? null : Long.valueOf(number(option, value, where, 0, MAX_SEED));
                break;
            case SCHEDULE:
                schedule = choice(option, value, where, SchedulePolicy.values());
                break;
            case PCT_DEPTH:
                pctDepth = (int) number(option, value, where, 1, MAX_PCT_DEPTH);
                break;
            default:
                throw new AssertionError(option);
        }
    }

    private static long number(Option option, String value, String where, long min, long max)
            throws InvalidOptionException {
        return inRange(option, value, where, digits(option, value, where, value), min, max);
    }

    /**
     * Read {@code value} as a count of milliseconds: a number alone, or followed by {@code ms} or {@code s}.
     */
    private static long durationMillis(Option option, String value, String where, long maxMillis)
            throws InvalidOptionException {
        int end = 0;
        while (end < value.length() && isDigit(value.charAt(end))) {
            end++;
        }
        String unit = value.substring(end);
        long scale;
        if (unit.isEmpty() || unit.equals("ms")) {
            scale = 1;
        } else if (unit.equals("s")) {
            scale = 1000;
        } else if (end > 0 && isLetters(unit)) {
            throw InvalidOptionException.badValue(option, value, where, "unknown unit '" + unit + "'");
        } else {
            throw InvalidOptionException.badValue(option, value, where);
        }
        long amount = digits(option, value, where, value.substring(0, end));
        return inRange(option, value, where, amount * scale, 0, maxMillis);
    }

    /**
     * Read {@code digits} as a non-negative number; more than nine digits reads as "too large" so that
     * callers never overflow.
     */
    private static long digits(Option option, String value, String where, String digits)
            throws InvalidOptionException {
        if (digits.isEmpty()) {
            throw InvalidOptionException.badValue(option, value, where);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits.charAt(i))) {
                throw InvalidOptionException.badValue(option, value, where);
            }
        }
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static long inRange(Option option, String value, String where, long number, long min, long max)
            throws InvalidOptionException {
        if (number < min || number > max) {
            throw InvalidOptionException.badValue(option, value, where, "out of range");
        }
        return number;
    }

    private static List<String> prefixes(Option option, String value, String where) throws InvalidOptionException {
        List<String> prefixes = new ArrayList<String>();
        for (String rawPrefix : value.split(LIST_SEPARATOR, -1)) {
            String prefix = rawPrefix.trim();
            if (prefix.isEmpty()) {
                throw InvalidOptionException.badValue(option, value, where, "empty prefix");
            }
            for (int i = 0; i < prefix.length(); i++) {
                char c = prefix.charAt(i);
                if (c != '.' && (!Character.isJavaIdentifierPart(c) || Character.isIdentifierIgnorable(c))) {
                    throw InvalidOptionException.badValue(option, value, where,
                            "'" + c + "' cannot be part of a class name");
                }
            }
            prefixes.add(prefix);
        }
        return prefixes;
    }

    private static <E extends Enum<E>> E choice(Option option, String value, String where, E[] choices)
            throws InvalidOptionException {
        for (E choice : choices) {
            if (AgentOptions.lowerCase(choice).equals(value)) {
                return choice;
            }
        }
        throw InvalidOptionException.badValue(option, value, where);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
