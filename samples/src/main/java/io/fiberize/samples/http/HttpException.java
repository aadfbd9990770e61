package io.fiberize.samples.http;

/**
 * Report a request that is answered with an error status instead of a document.
 */
final class HttpException extends Exception {

    private final Status status;

    /**
     * Create the report; {@code message} becomes the body of the error response.
     */
    HttpException(Status status, String message) {
        super(message);
        this.status = status;
    }

    Status status() {
        return status;
    }
}
