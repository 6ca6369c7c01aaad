package io.tickflow.storage.flow;

/**
 * One message from the storage-ticks queue.
 *
 * @param messageId the SQS message id, for people looking for it
 * @param receipt the receipt handle that extends and deletes it
 * @param body its body: a TicksAccepted event, raw (the subscription delivers raw)
 */
public record IncomingMessage(String messageId, String receipt, String body) {}
