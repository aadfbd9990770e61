package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
     * Read one response from a connection's {@code in}, its body delimited by {@code Content-Length} or
     * by chunked transfer coding (its chunks joined, no trailer fields), and leave {@code in} at the
     * next one.
     */
    static HttpReply read(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(exactly(in, size));
                assertThat(line(in)).as("end of a chunk").isEmpty();
            }
            assertThat(line(in)).as("end of the chunked body").isEmpty();
        } else {
            body.write(exactly(in, Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new HttpReply(statusLine, headers, body.toString(StandardCharsets.ISO_8859_1));
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int extension = line.indexOf(';');
        return Integer.parseInt(extension < 0 ? line : line.substring(0, extension), 16);
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** Read a line ended by CRLF, without it. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in a line: " + line);
            }
            line.append((char) b);
        }
        assertThat(line).as("line ended by CRLF").endsWith("\r");
        return line.substring(0, line.length() - 1);
    }

    /**
     * Return the value of header field {@code name}, or null.
     */
    String header(String name) {
        return headers.get(name.toLowerCase());
    }
}
