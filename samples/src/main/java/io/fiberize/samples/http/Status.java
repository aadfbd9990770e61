package io.fiberize.samples.http;

/**
 * Name the response statuses this server sends, with their codes and reason phrases.
 */
enum Status {
    OK(200, "OK"),
    BAD_REQUEST(400, "Bad Request"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    CONTENT_TOO_LARGE(413, "Content Too Large"),
    INTERNAL_SERVER_ERROR(500, "Internal Server Error");

    private final int code;
    private final String reason;

    Status(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /**
     * Return the status line's text after the version, e.g. {@code 404 Not Found}.
     */
    String line() {
        return code + " " + reason;
    }
}
