package io.tickflow.localaws.secrets;

/** A request the service refuses, answered to the client as an AWS error of the given type. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorType type;

    ApiException(ErrorType type, String message) {
        // No stack trace: this is an expected answer to a client, never a bug to debug.
        super(message, null, false, false);
        this.type = type;
    }

    ErrorType type() {
        return type;
    }

    static ApiException secretNotFound() {
        return new ApiException(ErrorType.RESOURCE_NOT_FOUND, "Secrets Manager can't find the specified secret.");
    }

    static ApiException markedForDeletion() {
        return new ApiException(
                ErrorType.INVALID_REQUEST,
                "You can't perform this operation on the secret because it was marked for deletion.");
    }

    /** The message AWS gives for a broken model constraint, e.g. a length or range. */
    static ApiException validation(String member, String constraint) {
        return new ApiException(
                ErrorType.VALIDATION,
                "1 validation error detected: Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }
}
