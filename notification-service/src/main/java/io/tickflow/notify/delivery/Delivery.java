package io.tickflow.notify.delivery;

import io.tickflow.common.contract.notify.Notification;
import io.tickflow.notify.subscription.Channel;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification for one subscription, on its way to the subscription's channel.
 *
 * @param deliveryId the delivery's identity, derived from the subscription and the event, so that a redelivered event
 *     makes the same delivery (and is recognised as already made); it is also the {@link Notification#eventId()} the
 *     receiver de-duplicates on
 * @param eventId the event delivered, the same for every delivery of one fan-out
 * @param owner whose subscription it is
 * @param subscriptionId the subscription
 * @param channel where it goes
 * @param notification what is delivered
 */
public record Delivery(
        String deliveryId,
        UUID eventId,
        String owner,
        String subscriptionId,
        Channel channel,
        Notification notification) {

    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notification, "notification");
    }
}
