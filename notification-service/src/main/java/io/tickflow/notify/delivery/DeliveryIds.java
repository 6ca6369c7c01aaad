package io.tickflow.notify.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The idempotency key of a delivery: one id per subscription and event, the same however often the event arrives, so
 * that {@link DeliveryLog#claim} recognises a redelivered event's deliveries as made and the receiver can de-duplicate
 * on the notification's {@code eventId}.
 */
public final class DeliveryIds {

    private DeliveryIds() {}

    /**
     * A name-based (version 3) UUID of the subscription and the event. The event id has a fixed form and comes last, so
     * no two (subscription, event) pairs share a name.
     */
    public static UUID of(String subscriptionId, UUID eventId) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(eventId, "eventId");
        String name = "tickflow.delivery:" + subscriptionId + "/" + eventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
