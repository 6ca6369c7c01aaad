package io.tickflow.notify.fanout;

import io.tickflow.notify.subscription.Subscription;
import io.tickflow.notify.subscription.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every subscription, read from the store at most once per refresh interval: each event is matched against all of
 * them, and reading the table per event would cost a scan per event. A subscription created or changed is seen within
 * one interval.
 */
public final class SubscriptionDirectory {

    private final SubscriptionStore store;
    private final Duration refresh;
    private final Clock clock;
    private List<Subscription> subscriptions = List.of();
    private Instant readAt = Instant.MIN;

    public SubscriptionDirectory(SubscriptionStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Every subscription, at most one refresh interval old. */
    public synchronized List<Subscription> all() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(refresh))) {
            subscriptions = store.all();
            readAt = now;
        }
        return subscriptions;
    }
}
