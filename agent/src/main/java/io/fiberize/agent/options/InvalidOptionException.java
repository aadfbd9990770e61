package io.fiberize.agent.options;

/**
 * Report an option the agent cannot accept, in one line the user can act on.
 *
 * <p>The message names the option, the value as given, where it came from ({@code -javaagent
 * argument}, {@code -Dfiberize.<key>} or {@code FIBERIZE_OPTS}) and what is accepted, e.g.
 * {@code fiberize: invalid option loops=abc (from -javaagent argument): expected a number from 1 to
 * 256 or 'auto'}. Control characters (in what the user wrote) are shown as {@code ?}, so the
 * message is always a single line.
 */
public final class InvalidOptionException extends Exception {

    private InvalidOptionException(String message) {
        super(printable(message));
    }

    /**
     * Reject a value that has no reason more specific than "not what is expected".
     */
    static InvalidOptionException badValue(Option option, String value, String where) {
        return new InvalidOptionException(prefix(option, value, where) + "expected " + option.expected());
    }

    /**
     * Reject a value for a specific {@code problem} (e.g. "out of range"), then say what is expected.
     */
    static InvalidOptionException badValue(Option option, String value, String where, String problem) {
        return new InvalidOptionException(
                prefix(option, value, where) + problem + "; expected " + option.expected());
    }

    /**
     * Reject a key that names no option, listing the ones that exist.
     */
    static InvalidOptionException unknownKey(String key, String where) {
        return new InvalidOptionException("fiberize: unknown option '" + key + "' (from " + where
                + "): valid options are " + Option.keys() + " (case-sensitive)");
    }

    /**
     * Reject a token that is not {@code key=value}.
     */
    static InvalidOptionException malformed(String token, String where) {
        return new InvalidOptionException("fiberize: malformed option '" + token + "' (from " + where
                + "): expected key=value, with ',' between options, e.g. loops=2,log=info");
    }

    /**
     * Reject an option given more than once in the same place.
     */
    static InvalidOptionException repeated(Option option, String where) {
        return new InvalidOptionException("fiberize: option " + option.key() + " is given more than once (from "
                + where + "): give it once");
    }

    private static String prefix(Option option, String value, String where) {
        return "fiberize: invalid option " + option.key() + "=" + value + " (from " + where + "): ";
    }

    private static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printable.append(Character.isISOControl(c) ? '?' : c);
        }
        return printable.toString();
    }
}
