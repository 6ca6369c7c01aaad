package io.tickflow.notify.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickflow.notify.delivery.MutableClock;
import io.tickflow.notify.rules.EventFilter;
import io.tickflow.notify.subscription.Channel;
import io.tickflow.notify.subscription.Subscription;
import io.tickflow.notify.subscription.SubscriptionStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscriptionDirectoryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final Store store = new Store();
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void withoutRefreshingReadsWhenTheSubscriptionsAreAnIntervalOld() {
        var directory = new SubscriptionDirectory(store, REFRESH, clock);
        store.put(subscription("a"));

        assertThat(ids(directory.all())).containsExactly("a");
        store.put(subscription("b"));
        clock.advance(REFRESH.minusMillis(1));
        assertThat(ids(directory.all())).containsExactly("a");
        clock.advance(Duration.ofMillis(1));
        assertThat(ids(directory.all())).containsExactlyInAnyOrder("a", "b");
        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void refreshingInTheBackgroundSeesANewSubscriptionWithoutACallerReading() {
        store.put(subscription("a"));
        try (var directory =
                new SubscriptionDirectory(store, Duration.ofMillis(50), Clock.systemUTC()).refreshingEvery()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> store.reads.get() >= 1);
            assertThat(ids(directory.all())).containsExactly("a");
            int readsBefore = store.reads.get();

            store.put(subscription("b"));

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> ids(directory.all()).containsAll(List.of("a", "b")));
            assertThat(store.reads.get()).isGreaterThan(readsBefore);
        }
    }

    @Test
    void aFailingStoreKeepsTheLastSubscriptionsUntilTheyAreStaleThenFailsTheCaller() throws Exception {
        store.put(subscription("a"));
        try (var directory = new SubscriptionDirectory(store, REFRESH, clock).refreshingEvery()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> store.reads.get() >= 1);
            store.failing.set(true);

            clock.advance(
                    REFRESH.multipliedBy(SubscriptionDirectory.STALE_INTERVALS).minusMillis(1));
            assertThat(ids(directory.all())).as("still fresh enough").containsExactly("a");

            clock.advance(Duration.ofMillis(1));
            assertThatThrownBy(directory::all).hasMessageContaining("the table cannot be read");

            store.failing.set(false);
            store.put(subscription("b"));
            assertThat(ids(directory.all())).containsExactlyInAnyOrder("a", "b");
        }
    }

    private static List<String> ids(List<Subscription> subscriptions) {
        return subscriptions.stream().map(Subscription::subscriptionId).toList();
    }

    private static Subscription subscription(String id) {
        return new Subscription(
                "alice",
                id,
                id,
                new Channel.Webhook(URI.create("https://hooks.example.com/" + id)),
                new EventFilter(Set.of("AnalysisCompleted"), Set.of(), Set.of(), List.of()),
                List.of(),
                T0);
    }

    /** Subscriptions in a map; counts its full reads and fails them while {@link #failing}. */
    private static final class Store implements SubscriptionStore {
        final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void put(Subscription subscription) {
            subscriptions.put(subscription.subscriptionId(), subscription);
        }

        @Override
        public Optional<Subscription> get(String owner, String subscriptionId) {
            return Optional.ofNullable(subscriptions.get(subscriptionId));
        }

        @Override
        public List<Subscription> ofOwner(String owner) {
            return all();
        }

        @Override
        public boolean delete(String owner, String subscriptionId) {
            return subscriptions.remove(subscriptionId) != null;
        }

        @Override
        public List<Subscription> all() {
            if (failing.get()) {
                throw new IllegalStateException("the table cannot be read");
            }
            reads.incrementAndGet();
            return List.copyOf(subscriptions.values());
        }
    }
}
