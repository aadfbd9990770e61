package io.fiberize.samples.kv;

/**
 * Report a command the client got wrong; it is answered with {@code CLIENT_ERROR <message>}.
 */
final class ClientError extends Exception {

    ClientError(String message) {
        super(message);
    }
}
