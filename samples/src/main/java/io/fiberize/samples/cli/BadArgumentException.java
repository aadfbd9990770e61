package io.fiberize.samples.cli;

/**
 * Report a command-line argument a program cannot accept, in one line.
 */
public final class BadArgumentException extends Exception {

    /**
     * Create the report; {@code message} says which argument and what is accepted.
     */
    public BadArgumentException(String message) {
        super(message);
    }
}
