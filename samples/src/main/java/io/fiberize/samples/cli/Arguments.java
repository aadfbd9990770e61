package io.fiberize.samples.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read a program's {@code --name value} arguments, checking each against what the program accepts.
 *
 * <p>{@code --name=value} works too; {@code --help} (or {@code -h}) is always accepted.
 */
public final class Arguments {

    private final Map<String, String> values;
    private final boolean help;

    private Arguments(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /**
     * Parse {@code args}, accepting only the options in {@code names} (each written without its dashes).
     *
     * @throws BadArgumentException for an unknown option, a missing value or a stray argument
     */
    public static Arguments parse(String[] args, List<String> names) throws BadArgumentException {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new BadArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!names.contains(name)) {
                throw new BadArgumentException("unknown option --" + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new BadArgumentException("option --" + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new BadArgumentException("option --" + name + " is given more than once");
            }
        }
        return new Arguments(values, help);
    }

    /**
     * Tell whether {@code --help} was given.
     */
    public boolean help() {
        return help;
    }

    /**
     * Return the value of {@code --name}, or {@code fallback} if it was not given.
     */
    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * Return the value of {@code --name} as a whole number from {@code min} to {@code max}.
     *
     * @throws BadArgumentException if the value is not such a number
     */
    public int number(String name, int fallback, int min, int max) throws BadArgumentException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is accepted
        }
        throw new BadArgumentException(
                "invalid --" + name + " '" + value + "': expected a number from " + min + " to " + max);
    }

    /**
     * Return the value of {@code --name} as a duration: {@code 10s}, {@code 500ms}, or a plain number of
     * seconds.
     *
     * @throws BadArgumentException if the value is not such a duration
     */
    public Duration duration(String name, Duration fallback) throws BadArgumentException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        String digits = value.endsWith("ms") ? value.substring(0, value.length() - 2)
                : value.endsWith("s") ? value.substring(0, value.length() - 1)
                : value;
        try {
            long amount = Long.parseLong(digits);
            if (amount >= 0 && amount <= 86_400_000) {
                return value.endsWith("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
            }
        } catch (NumberFormatException e) {
            // reported below, with what is accepted
        }
        throw new BadArgumentException("invalid --" + name + " '" + value
                + "': expected a duration such as 10s or 500ms (a plain number is seconds)");
    }
}
