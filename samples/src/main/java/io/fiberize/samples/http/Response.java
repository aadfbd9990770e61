package io.fiberize.samples.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Hold one response and write it: status line, header fields, and the body unless the request was HEAD.
 *
 * @param status the status
 * @param document the body and its media type
 * @param extraHeaders further header lines, each ending in CRLF, or an empty string
 */
record Response(Status status, Document document, String extraHeaders) {

    /**
     * Answer with {@code document} and status 200.
     */
    static Response ok(Document document) {
        return new Response(Status.OK, document, "");
    }

    /**
     * Answer with an error {@code status} and {@code message} as a plain-text body.
     */
    static Response error(Status status, String message) {
        return new Response(status, Document.text(status.line() + ": " + message + "\n"), "");
    }

    /**
     * Answer a method other than GET and HEAD with 405 and the methods that are allowed.
     */
    static Response methodNotAllowed(String method) {
        return new Response(Status.METHOD_NOT_ALLOWED,
                Document.text(Status.METHOD_NOT_ALLOWED.line() + ": " + method + " is not served here\n"),
                "Allow: GET, HEAD\r\n");
    }

    /**
     * Write the response to {@code out} and flush it.
     *
     * @param headOnly whether to leave the body out (for HEAD), keeping the header fields it would have
     * @param keepAlive whether the connection stays open afterwards (said in {@code Connection})
     */
    void write(OutputStream out, boolean headOnly, boolean keepAlive) throws IOException {
        String head = "HTTP/1.1 " + status.line() + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n"
                + "Content-Type: " + document.contentType() + "\r\n"
                + "Content-Length: " + document.body().length + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n"
                + extraHeaders
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(document.body());
        }
        out.flush();
    }
}
