package io.fiberize.maven;

import java.util.regex.Pattern;

/**
 * Add the fiberize agent to the end of a line of JVM arguments that may already hold others.
 *
 * <p>Whatever the line holds stays, in its order: JaCoCo's agent, Mockito's, {@code -Xmx}. An earlier
 * argument for the same agent jar (the goal run twice into one property, with other options) is
 * taken out first, so the forked JVM starts fiberize once.
 */
final class ArgLine {

    private ArgLine() {
    }

    /**
     * Return {@code existing} (null or blank for none) followed by {@code agent}.
     */
    static String append(String existing, AgentArgument agent) {
        String kept = existing == null ? "" : earlier(agent).matcher(existing).replaceAll("").trim();
        return kept.isEmpty() ? agent.text() : kept + " " + agent.text();
    }

    /** Match an argument for the same jar, quoted or bare, and the blanks before it. */
    private static Pattern earlier(AgentArgument agent) {
        String jar = Pattern.quote(agent.jarPrefix());
        return Pattern.compile("\\s*(?:\"" + jar + "(?:=(?:[^\"\\\\]|\\\\.)*)?\"|" + jar + "(?:=\\S*)?)(?=\\s|$)");
    }
}
