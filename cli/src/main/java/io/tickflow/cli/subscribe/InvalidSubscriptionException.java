package io.tickflow.cli.subscribe;

/** The {@code subscribe} command line asks for something the CLI cannot send; the message says what to fix. */
final class InvalidSubscriptionException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidSubscriptionException(String message) {
        super(message);
    }
}
