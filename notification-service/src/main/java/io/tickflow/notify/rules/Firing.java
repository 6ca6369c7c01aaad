package io.tickflow.notify.rules;

import io.tickflow.common.contract.notify.PriceAlertTriggered;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A price alert rule fired.
 *
 * @param condition what happened, in the format {@link PriceAlertRule} describes, e.g. {@code crosses-above 30000}
 * @param price the price that met it: the trade price, the quote mid or the candle's close
 * @param time when: the tick's time, or the candle's close time
 */
public record Firing(String condition, BigDecimal price, Instant time) {

    public Firing {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(time, "time");
    }

    /**
     * The event announcing this firing of {@code rule}. Its id is derived from the rule id, the time, the condition and
     * the price, so evaluating the same observation again (a redelivered message) announces the same event, which
     * consumers then recognise as already seen.
     *
     * @param ruleId the rule's id
     * @param owner who owns the rule
     * @param rule the rule that fired
     * @param occurredAt when the rule was evaluated
     */
    public PriceAlertTriggered toEvent(String ruleId, String owner, PriceAlertRule rule, Instant occurredAt) {
        UUID eventId = UUID.nameUUIDFromBytes(
                ("price-alert-triggered\n" + ruleId + "\n" + time + "\n" + condition + "\n" + price.toPlainString())
                        .getBytes(StandardCharsets.UTF_8));
        return new PriceAlertTriggered(
                eventId, occurredAt, ruleId, owner, rule.venue(), rule.symbol(), condition, price, time);
    }
}
