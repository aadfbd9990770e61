package io.fiberize.samples.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read request heads from a connection's input, one after another, blocking until each is complete.
 *
 * <p>A head (request line and header fields, up to the empty line) may be at most
 * {@link #MAX_HEAD_BYTES}; a larger one is refused with 413 as soon as the limit is passed. Lines end
 * with CRLF or a bare LF. Empty lines before a request line are skipped, as RFC 9112 allows.
 */
final class RequestReader {

    /** The most bytes a request head may take, request line and final empty line included. */
    static final int MAX_HEAD_BYTES = 8192;

    private static final Pattern REQUEST_LINE =
            Pattern.compile("([!#$%&'*+\\-.^_`|~0-9A-Za-z]+) (\\S+) (HTTP/1\\.[01])");
    private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private final InputStream in;
    private final StringBuilder line = new StringBuilder();
    private int remaining;
    private boolean ended;

    /**
     * Read from {@code in}, which should be buffered: it is read a byte at a time.
     */
    RequestReader(InputStream in) {
        this.in = in;
    }

    /**
     * Read the next request head, or return null if the connection ended cleanly before one began.
     *
     * @throws HttpException 400 for a malformed head, 413 for one larger than {@link #MAX_HEAD_BYTES}
     * @throws EOFException if the connection ended in the middle of a head
     */
    Request read() throws IOException, HttpException {
        remaining = MAX_HEAD_BYTES;
        String requestLine;
        do {
            requestLine = readLine();
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());
        Matcher parts = REQUEST_LINE.matcher(requestLine);
        if (!parts.matches()) {
            throw new HttpException(Status.BAD_REQUEST, "malformed request line");
        }
        Map<String, String> headers = readHeaders();
        if (parts.group(3).equals("HTTP/1.1") && !headers.containsKey("host")) {
            throw new HttpException(Status.BAD_REQUEST, "an HTTP/1.1 request needs a Host header");
        }
        String length = headers.get("content-length");
        if (length != null && !length.matches("\\d{1,18}")) {
            throw new HttpException(Status.BAD_REQUEST, "invalid Content-Length");
        }
        return new Request(parts.group(1), parts.group(2), parts.group(3), headers);
    }

    /**
     * Tell whether the connection's input has ended.
     */
    boolean ended() {
        return ended;
    }

    private Map<String, String> readHeaders() throws IOException, HttpException {
        Map<String, String> headers = new HashMap<>();
        String field;
        while (!(field = requireLine()).isEmpty()) {
            int colon = field.indexOf(':');
            String name = colon < 0 ? "" : field.substring(0, colon);
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new HttpException(Status.BAD_REQUEST, "malformed header field");
            }
            String value = field.substring(colon + 1).strip();
            headers.merge(name.toLowerCase(), value, (first, next) -> first + ", " + next);
        }
        return headers;
    }

    private String requireLine() throws IOException, HttpException {
        String next = readLine();
        if (next == null) {
            throw new EOFException("the connection ended in the middle of a request head");
        }
        return next;
    }

    /**
     * Read one line without its line end, or return null at the end of input before its first byte.
     */
    private String readLine() throws IOException, HttpException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                ended = true;
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException("the connection ended in the middle of a line");
            }
            if (--remaining < 0) {
                throw new HttpException(Status.CONTENT_TOO_LARGE,
                        "the request head is larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }
}
