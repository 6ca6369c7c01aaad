package io.tickflow.ingest.intake;

import io.tickflow.common.contract.ingest.TickRejected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tick, or a whole message, that {@link TickIntake} did not accept, with everything a person needs to fix it.
 *
 * @param code the machine-readable reason
 * @param reason the sentence saying what is wrong and what to send instead
 * @param original the rejected text as received: the one tick, or the whole message; if it was longer than {@link
 *     IntakeRules#maxOriginalLength()} its start only, followed by a note saying it was cut and how long it was
 * @param originalLength how many characters the rejected text had in full
 * @param originalTruncated whether {@code original} holds only the start of the rejected text
 * @param messageId the SQS message id it came from
 * @param position the tick's index in the message's {@code ticks} (0 for a message that is one bare tick); {@code null}
 *     when the whole message was rejected
 */
public record Rejection(
        ReasonCode code,
        String reason,
        String original,
        int originalLength,
        boolean originalTruncated,
        String messageId,
        @Nullable Integer position) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** Whether the whole message was rejected, rather than one of its ticks. */
    public boolean wholeMessage() {
        return position == null;
    }

    /**
     * This rejection as the contract event, to record under {@code rejected/} and to give as the reason of a
     * dead-lettered message.
     *
     * <p>Its event id is derived from the message id, the position and the reason code, so that a redelivered message
     * yields the same event again (and a store keyed on event ids keeps it once).
     *
     * @param queue the queue the message was read from, e.g. {@code tickflow-ingest}
     * @param occurredAt when it was rejected
     */
    public TickRejected toEvent(String queue, Instant occurredAt) {
        String identity = messageId + "#" + (position == null ? "message" : position.toString()) + "#" + code.name();
        UUID eventId = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        return new TickRejected(
                eventId,
                occurredAt,
                code.name(),
                reason,
                original,
                new TickRejected.Source(queue, messageId, position));
    }

    /** A rejection of {@code text[start, end)}, cut to {@code maxLength} characters if it is longer. */
    static Rejection of(
            Problem problem,
            String text,
            int start,
            int end,
            int maxLength,
            String messageId,
            @Nullable Integer position) {
        int length = end - start;
        boolean truncated = length > maxLength;
        String original;
        if (!truncated) {
            original = text.substring(start, end);
        } else {
            int cut = start + maxLength;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--; // never split a surrogate pair
            }
            original = text.substring(start, cut) + "… [cut: the first " + (cut - start) + " of " + length
                    + " characters]";
        }
        return new Rejection(problem.code(), problem.reason(), original, length, truncated, messageId, position);
    }
}
