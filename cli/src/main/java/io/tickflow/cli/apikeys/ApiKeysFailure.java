package io.tickflow.cli.apikeys;

/** An {@code api-keys} command could not be carried out; the message says why, for the operator. */
final class ApiKeysFailure extends Exception {

    private static final long serialVersionUID = 1L;

    ApiKeysFailure(String message) {
        super(message);
    }
}
