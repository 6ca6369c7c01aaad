package io.tickflow.common.contract.notify;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.MessageAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's price alert rule fired ({@code tickflow.price-alert-triggered.v1}, event type {@code PriceAlertTriggered}).
 *
 * <p>Produced by notification-service when a trade, quote or closed candle meets a rule's condition, with the
 * attributes {@code eventType}, {@code schemaVersion}, {@code venue} and {@code symbol}; delivered to the rule owner's
 * subscriptions inside a {@link Notification}. A rule fires once per crossing: {@code (ruleId, triggeredBy)} identifies
 * the firing.
 *
 * @param eventId this event's identity
 * @param occurredAt when notification-service evaluated the rule
 * @param ruleId the rule that fired
 * @param owner the user who owns the rule
 * @param venue the venue of the price
 * @param symbol the instrument
 * @param condition the rule's condition as its owner wrote it, e.g. {@code crosses-above 30000}
 * @param price the price that met the condition
 * @param triggeredBy the time of the tick (or candle close) that met it
 */
public record PriceAlertTriggered(
        UUID eventId,
        Instant occurredAt,
        String ruleId,
        String owner,
        String venue,
        String symbol,
        String condition,
        BigDecimal price,
        Instant triggeredBy)
        implements NotificationEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.price-alert-triggered.v1";

    public PriceAlertTriggered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
    }

    @Override
    public Contract contract() {
        return Contract.PRICE_ALERT_TRIGGERED;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.VENUE, venue)
                .with(MessageAttributes.SYMBOL, symbol);
    }
}
