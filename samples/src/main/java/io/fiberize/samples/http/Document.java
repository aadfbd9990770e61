package io.fiberize.samples.http;

import java.nio.charset.StandardCharsets;

/**
 * Hold a body to send and its media type.
 *
 * @param body the bytes
 * @param contentType the {@code Content-Type} value, e.g. {@code text/html; charset=utf-8}
 */
record Document(byte[] body, String contentType) {

    /**
     * Make a plain-text document of {@code text}, in UTF-8.
     */
    static Document text(String text) {
        return new Document(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }
}
