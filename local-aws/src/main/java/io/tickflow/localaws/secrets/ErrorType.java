package io.tickflow.localaws.secrets;

/**
 * The error codes this emulator answers with. The wire name goes into {@code __type}, which is what the SDKs turn into
 * a typed exception ({@code ResourceNotFoundException} and friends) rather than a generic service error.
 */
enum ErrorType {
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    RESOURCE_EXISTS("ResourceExistsException", 400),
    INVALID_PARAMETER("InvalidParameterException", 400),
    INVALID_REQUEST("InvalidRequestException", 400),
    INVALID_NEXT_TOKEN("InvalidNextTokenException", 400),
    /** What AWS answers when a request breaks a constraint of the service model (length, range, enum, required). */
    VALIDATION("ValidationException", 400),
    SERIALIZATION("SerializationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    METHOD_NOT_ALLOWED("MethodNotAllowedException", 405),
    /** A 500, so the SDKs retry: the only cause here is a store file that could not be written. */
    INTERNAL("InternalServiceError", 500);

    private final String wireName;
    private final int httpStatus;

    ErrorType(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    String wireName() {
        return wireName;
    }

    int httpStatus() {
        return httpStatus;
    }
}
