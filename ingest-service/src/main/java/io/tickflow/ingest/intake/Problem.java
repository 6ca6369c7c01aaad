package io.tickflow.ingest.intake;

/**
 * What is wrong with one field, one tick or one message, before it is known where in the message it was: {@link
 * MessageReader} turns it into a {@link Rejection} with the source and the original text.
 *
 * @param code the reason code
 * @param reason the sentence for a person
 */
record Problem(ReasonCode code, String reason) {}
