package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hold one HTTP response as it came over the wire, and read responses back to back from a connection's bytes.
 *
 * @param statusLine e.g. {@code HTTP/1.1 200 OK}
 * @param headers the header fields by lower-case name
 * @param body the body, one char per byte (ISO-8859-1), so binary bodies compare exactly
 */
record HttpReply(String statusLine, Map<String, String> headers, String body) {

    /**
     * Read one response for each of {@code methods}, back to back, from {@code text}, which must hold
     * exactly those (a response to HEAD has no body, whatever its {@code Content-Length} says).
     */
    static List<HttpReply> parse(String text, String... methods) {
        List<HttpReply> replies = new ArrayList<>();
        int at = 0;
        for (String method : methods) {
            int end = text.indexOf("\r\n\r\n", at);
            assertThat(end).as("end of response head %d in:%n%s", replies.size() + 1, text).isNotNegative();
            String[] lines = text.substring(at, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            int length = method.equals("HEAD") ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            at = end + 4 + length;
            assertThat(at).as("body of response %d in:%n%s", replies.size() + 1, text)
                    .isLessThanOrEqualTo(text.length());
            replies.add(new HttpReply(lines[0], headers, text.substring(end + 4, at)));
        }
        assertThat(text.substring(at)).as("bytes after %d responses", methods.length).isEmpty();
        return replies;
    }

    /**
     * Return the value of header field {@code name}, or null.
     */
    String header(String name) {
        return headers.get(name.toLowerCase());
    }
}
