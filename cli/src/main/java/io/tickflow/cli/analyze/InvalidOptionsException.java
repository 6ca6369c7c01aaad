package io.tickflow.cli.analyze;

/** The command line asks for something {@code analyze} cannot do; the message says what and how to fix it. */
final class InvalidOptionsException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidOptionsException(String message) {
        super(message);
    }
}
