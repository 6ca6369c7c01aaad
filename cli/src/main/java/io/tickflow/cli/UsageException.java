package io.tickflow.cli;

/** The command line asks for something the CLI cannot do; the message says what and how to fix it. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
