package io.tickflow.notify.fanout;

import io.tickflow.notify.subscription.Subscription;
import io.tickflow.notify.subscription.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every subscription, read from the store at most once per refresh interval: each event is matched against all of
 * them, and reading the table per event would cost a scan per event. A subscription created or changed is seen within
 * one interval (and the time a read takes).
 *
 * <p>Once {@link #refreshingEvery refreshing}, the reads happen on a thread of their own, so that no event waits for
 * a scan of the table (a thousand subscriptions take tens of milliseconds to read and unmarshal). A read that fails
 * there keeps the subscriptions read before and is tried again an interval later; only when they are {@value
 * #STALE_INTERVALS} intervals old does {@link #all()} read them itself, so that a store that stays down reaches the
 * event as a failure (and the event is retried) instead of events being matched against ever older subscriptions.
 */
public final class SubscriptionDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDirectory.class);

    /** Intervals old the subscriptions may be, while refreshing in the background, before a caller reads them. */
    static final int STALE_INTERVALS = 5;

    private record Snapshot(List<Subscription> subscriptions, Instant readAt) {}

    private final SubscriptionStore store;
    private final Duration refresh;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;
    private @Nullable ScheduledExecutorService refresher;

    public SubscriptionDirectory(SubscriptionStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Starts reading the subscriptions every refresh interval, on a thread of its own, until {@link #close()}. */
    public synchronized SubscriptionDirectory refreshingEvery() {
        if (refresher != null) {
            throw new IllegalStateException("Already refreshing");
        }
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("subscription-refresh").daemon(true).factory());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Every subscription, at most one refresh interval old (while refreshing: as read by the last refresh). */
    public List<Subscription> all() {
        @Nullable Snapshot current = snapshot;
        if (current == null || isOlderThan(current, maxAge())) {
            return read(maxAge()).subscriptions();
        }
        return current.subscriptions();
    }

    private Duration maxAge() {
        return refresher == null ? refresh : refresh.multipliedBy(STALE_INTERVALS);
    }

    private boolean isOlderThan(Snapshot snapshot, Duration age) {
        return !clock.instant().isBefore(snapshot.readAt().plus(age));
    }

    /**
     * The subscriptions read again unless another thread has read them within {@code age} meanwhile. One read at a
     * time: callers that find the same stale snapshot wait for the one read instead of each scanning the table.
     */
    private synchronized Snapshot read(Duration age) {
        @Nullable Snapshot current = snapshot;
        if (current != null && !isOlderThan(current, age)) {
            return current;
        }
        // Stamped before the read: a subscription written during the scan may be missing from it.
        Instant readAt = clock.instant();
        Snapshot read = new Snapshot(store.all(), readAt);
        snapshot = read;
        return read;
    }

    private void refreshQuietly() {
        try {
            read(Duration.ZERO);
        } catch (RuntimeException e) {
            @Nullable Snapshot current = snapshot;
            log.warn(
                    "Could not read the subscriptions; events are matched against those read at {} until a read"
                            + " succeeds: {}",
                    current == null ? "none yet" : current.readAt(),
                    e.toString());
        }
    }

    /** Stops the background refresh, if any. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = refresher;
            refresher = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }
}
