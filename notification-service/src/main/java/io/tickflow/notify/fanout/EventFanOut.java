package io.tickflow.notify.fanout;

import io.tickflow.common.contract.ContractEvent;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.notify.Notification;
import io.tickflow.notify.delivery.Deliverer;
import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryIds;
import io.tickflow.notify.delivery.DeliverySummary;
import io.tickflow.notify.subscription.Subscription;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells every subscription an event concerns: one delivery per matching subscription, all made at once.
 *
 * <p>The delivery id derives from the subscription and the event id ({@link DeliveryIds}), so an event that arrives
 * again makes the same deliveries, which the delivery log refuses to make twice.
 */
public final class EventFanOut {

    private final SubscriptionDirectory directory;
    private final Deliverer deliverer;
    private final Clock clock;

    public EventFanOut(SubscriptionDirectory directory, Deliverer deliverer, Clock clock) {
        this.directory = directory;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    /** Delivers {@code event} to every subscription whose filter matches it. */
    public DeliverySummary announce(ContractEvent event) {
        return announce(event, subscription -> subscription.events().matches(event));
    }

    /**
     * Delivers {@code event} only to subscriptions that name its type explicitly: market events (ticks, closed
     * candles) are many, and a subscription that asks for "everything" means every analysis outcome, not every tick.
     */
    public DeliverySummary announceMarketEvent(ContractEvent event) {
        String type = event.contract().eventType().orElse("");
        return announce(
                event,
                subscription -> subscription.events().eventTypes().contains(type)
                        && subscription.events().matches(event));
    }

    /** Delivers {@code event} to one subscription (an alert's firing, a test delivery). */
    public DeliverySummary deliverTo(Subscription subscription, ContractEvent event) {
        return deliverer.deliverAll(List.of(delivery(subscription, event)));
    }

    /**
     * Delivers each event to its subscription, all at once (price alerts' firings of one message): the deliveries run
     * side by side and their claims go to the delivery log together, instead of one after the other.
     */
    public DeliverySummary deliverEach(List<Addressed> deliveries) {
        return deliverer.deliverAll(deliveries.stream()
                .map(addressed -> delivery(addressed.subscription(), addressed.event()))
                .toList());
    }

    /**
     * An event for one subscription.
     *
     * @param subscription who it is for
     * @param event what to deliver
     */
    public record Addressed(Subscription subscription, ContractEvent event) {}

    private DeliverySummary announce(ContractEvent event, Predicate<Subscription> concerned) {
        // The event's JSON is the same in every notification: it is made once, and each notification copies it.
        WrappedEvent wrapped = WrappedEvent.of(event);
        List<Delivery> deliveries = directory.all().stream()
                .filter(concerned)
                .map(subscription -> delivery(subscription, wrapped))
                .toList();
        return deliverer.deliverAll(deliveries);
    }

    private Delivery delivery(Subscription subscription, ContractEvent event) {
        return delivery(subscription, WrappedEvent.of(event));
    }

    private Delivery delivery(Subscription subscription, WrappedEvent wrapped) {
        UUID eventId = wrapped.event().eventId();
        var deliveryId = DeliveryIds.of(subscription.subscriptionId(), eventId);
        return new Delivery(
                deliveryId.toString(),
                eventId,
                subscription.owner(),
                subscription.subscriptionId(),
                subscription.channel(),
                new Notification(
                        deliveryId,
                        clock.instant(),
                        subscription.subscriptionId(),
                        wrapped.eventType(),
                        wrapped.json()));
    }

    /** An event with what every notification of it carries: its type and its JSON. */
    private record WrappedEvent(ContractEvent event, String eventType, ObjectNode json) {

        static WrappedEvent of(ContractEvent event) {
            return new WrappedEvent(
                    event,
                    Notification.eventTypeOf(event),
                    ContractJson.mapper().valueToTree(event));
        }
    }
}
