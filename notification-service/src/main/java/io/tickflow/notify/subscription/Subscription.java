package io.tickflow.notify.subscription;

import io.tickflow.notify.apikey.ApiKeys;
import io.tickflow.notify.rules.EventFilter;
import io.tickflow.notify.rules.PriceAlertRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one owner wants to be told, and where.
 *
 * @param owner whose it is; only this owner's API keys see and change it
 * @param subscriptionId its id, unique across owners (a UUID)
 * @param name a label for people
 * @param channel where notifications go
 * @param events which Tickflow events are delivered (analysis outcomes, closed candles...)
 * @param alerts price alerts; each firing is delivered as a PriceAlertTriggered event
 * @param createdAt when it was created
 */
public record Subscription(
        String owner,
        String subscriptionId,
        String name,
        Channel channel,
        EventFilter events,
        List<PriceAlertRule> alerts,
        Instant createdAt) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public Subscription {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(events, "events");
        alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts"));
        Objects.requireNonNull(createdAt, "createdAt");
        if (!ApiKeys.OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("Not an owner name: " + owner);
        }
        if (!ID.matcher(subscriptionId).matches()) {
            throw new IllegalArgumentException("Not a subscription id: " + subscriptionId);
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("A subscription's name has at most 200 characters");
        }
    }
}
