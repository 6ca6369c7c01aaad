package io.tickflow.common.contract.ingest;

import io.tickflow.common.contract.Contract;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A tick, or a whole message, that ingest-service could not accept ({@code tickflow.tick-rejected.v1}, event type
 * {@code TickRejected}). Bad input is never dropped: it is recorded with its reason.
 *
 * <p>Written by ingest-service under {@code rejected/} in the data bucket (kept 90 days) and given as the reason when a
 * message ends in the ingest dead-letter queue; read by whoever sent it (the tickflow CLI shows them) and by operators.
 *
 * @param eventId this event's identity
 * @param occurredAt when ingest-service rejected it
 * @param reasonCode what went wrong, for machines: upper-case words joined by underscores, e.g. {@code INVALID_JSON},
 *     {@code UNKNOWN_SCHEMA}, {@code NEGATIVE_PRICE}. The list grows with ingest-service's checks; treat unknown codes
 *     as a generic rejection.
 * @param reason what went wrong, for a person: a sentence saying what to fix
 * @param original the rejected text as received: the whole message, or the one tick at {@code source.position}
 * @param source where it came from
 */
public record TickRejected(
        UUID eventId, Instant occurredAt, String reasonCode, String reason, String original, Source source)
        implements IngestEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.tick-rejected.v1";

    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    public TickRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(source, "source");
        if (!REASON_CODE.matcher(reasonCode).matches()) {
            throw new IllegalArgumentException(
                    "A reason code is upper-case words joined by underscores: " + reasonCode);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A rejection says why in its reason");
        }
    }

    @Override
    public Contract contract() {
        return Contract.TICK_REJECTED;
    }

    /**
     * The ingest queue message a rejection came from.
     *
     * @param queue the queue's name, e.g. {@code tickflow-ingest}
     * @param messageId the SQS message id
     * @param position the index of the rejected tick in the batch's {@code ticks}; {@code null} when the whole message
     *     was rejected
     */
    public record Source(String queue, String messageId, @Nullable Integer position) {
        public Source {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(messageId, "messageId");
            if (position != null && position < 0) {
                throw new IllegalArgumentException("A tick position is not negative: " + position);
            }
        }
    }
}
