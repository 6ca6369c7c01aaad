package io.tickflow.common.contract.notify;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.MessageAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * One delivery of an event to one subscription ({@code tickflow.notification.v1}): the body notification-service
 * POSTs to a signed webhook or publishes to a user's SNS topic.
 *
 * <p>Produced by notification-service; consumed by users' systems. {@code eventId} is the delivery's idempotency key:
 * retries of the same delivery carry the same id, so a receiver that has seen it can acknowledge and do nothing. When
 * published to a user topic it carries the attributes {@code eventType} (the wrapped event's, so that user filter
 * policies select events the same way as on Tickflow's own topics) and {@code schemaVersion} (this envelope's).
 *
 * @param eventId the delivery's identity and idempotency key
 * @param occurredAt when the delivery was first attempted
 * @param subscriptionId the subscription it is delivered to
 * @param eventType the wrapped event's type, e.g. {@code AnalysisCompleted}
 * @param event the wrapped event as it was published, {@code schema} property included; a JSON object
 */
// Serialised from its fields: the accessor of event copies it, which a notification written once per delivery need not.
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Notification(UUID eventId, Instant occurredAt, String subscriptionId, String eventType, ObjectNode event)
        implements NotificationEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.notification.v1";

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(eventType, "eventType");
        // A private copy: the record stays immutable whatever the caller does with its node afterwards.
        event = Objects.requireNonNull(event, "event").deepCopy();
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("An event type is a fact's name in upper camel case: " + eventType);
        }
    }

    /**
     * A notification of a Tickflow event: its type comes from the event's contract, its body is the event as {@link
     * ContractJson} writes it.
     *
     * @throws IllegalArgumentException if the event's contract has no event type
     */
    public static Notification of(UUID deliveryId, Instant occurredAt, String subscriptionId, ContractEvent event) {
        return new Notification(
                deliveryId,
                occurredAt,
                subscriptionId,
                eventTypeOf(event),
                ContractJson.mapper().valueToTree(event));
    }

    /**
     * The type a notification of {@code event} carries: its contract's event type.
     *
     * @throws IllegalArgumentException if the event's contract has no event type
     */
    public static String eventTypeOf(ContractEvent event) {
        return event.contract()
                .eventType()
                .orElseThrow(() -> new IllegalArgumentException(event.contract() + " has no event type to notify"));
    }

    /** The wrapped event; a copy, so that this notification cannot be changed through it. */
    @Override
    public ObjectNode event() {
        return event.deepCopy();
    }

    @Override
    public Contract contract() {
        return Contract.NOTIFICATION;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract()).with(MessageAttributes.EVENT_TYPE, eventType);
    }
}
