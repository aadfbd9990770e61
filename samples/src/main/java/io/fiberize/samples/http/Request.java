package io.fiberize.samples.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Hold one parsed request head: request line and header fields.
 *
 * @param method the method, e.g. {@code GET}
 * @param target the request target as sent, e.g. {@code /docs/a%20b.html?x=1}
 * @param version {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param headers the header fields by lower-case name; repeated fields joined with {@code ", "}
 */
record Request(String method, String target, String version, Map<String, String> headers) {

    /**
     * Tell whether the client wants the connection kept open after the response.
     */
    boolean keepAlive() {
        return version.equals("HTTP/1.1") ? !connectionHas("close") : connectionHas("keep-alive");
    }

    /**
     * Tell whether a body follows the head ({@code Content-Length} above 0, or any {@code Transfer-Encoding}).
     */
    boolean hasBody() {
        String length = headers.get("content-length");
        return headers.containsKey("transfer-encoding") || length != null && Long.parseLong(length) > 0;
    }

    /**
     * Return the target's path, without its query and with {@code %XX} escapes decoded as UTF-8.
     *
     * @throws HttpException 400 if the target is not a path or an escape is invalid
     */
    String path() throws HttpException {
        int query = target.indexOf('?');
        String raw = query < 0 ? target : target.substring(0, query);
        if (!raw.startsWith("/")) {
            throw new HttpException(Status.BAD_REQUEST, "the request target must be a path starting with /");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low < 0) {
                throw new HttpException(Status.BAD_REQUEST, "invalid escape in the request target");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(Status.BAD_REQUEST, "the request target is not UTF-8");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new HttpException(Status.BAD_REQUEST, "control character in the request target");
        }
        return path;
    }

    private boolean connectionHas(String option) {
        String connection = headers.get("connection");
        return connection != null && Arrays.stream(connection.split(","))
                .anyMatch(token -> token.trim().equalsIgnoreCase(option));
    }
}
