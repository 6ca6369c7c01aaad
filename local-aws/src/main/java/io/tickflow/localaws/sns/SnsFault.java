package io.tickflow.localaws.sns;

/**
 * A request SNS refuses, with the error code, HTTP status and fault side AWS uses for it, so that SDKs raise their typed
 * exceptions ({@code NotFoundException}, {@code InvalidParameterException}, ...).
 */
final class SnsFault extends RuntimeException {

    private final String code;
    private final int status;
    private final boolean senderFault;

    private SnsFault(String code, int status, boolean senderFault, String message) {
        // No stack trace: a fault is an answer to the client, not a bug to debug.
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    static SnsFault notFound(String message) {
        return new SnsFault("NotFound", 404, true, message);
    }

    static SnsFault resourceNotFound(String message) {
        return new SnsFault("ResourceNotFound", 404, true, message);
    }

    static SnsFault invalidParameter(String message) {
        return new SnsFault("InvalidParameter", 400, true, message);
    }

    /** What SNS answers for a message attribute it cannot accept ({@code InvalidParameterValueException}). */
    static SnsFault invalidParameterValue(String message) {
        return new SnsFault("ParameterValueInvalid", 400, true, message);
    }

    static SnsFault batch(String code, String message) {
        return new SnsFault(code, 400, true, message);
    }

    static SnsFault invalidAction(String message) {
        return new SnsFault("InvalidAction", 400, true, message);
    }

    static SnsFault missingAction() {
        return new SnsFault("MissingAction", 400, true, "Missing Action");
    }

    static SnsFault malformedQueryString(String message) {
        return new SnsFault("MalformedQueryString", 400, true, message);
    }

    static SnsFault internalError(String message) {
        return new SnsFault("InternalError", 500, false, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    boolean senderFault() {
        return senderFault;
    }
}
