package io.tickflow.notify.fanout;

import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.rules.AlertState;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alert state store in a map, with the conditions of the DynamoDB one (crossing count, time seen), counting
 * requests: for the logic above the store, not for the store (DynamoDbAlertStateStoreTest tests that).
 */
final class InMemoryAlertStateStore implements AlertStateStore {

    private record Item(AlertState state, long crossings, PriceAlertTriggered firing, boolean delivered) {}

    private final Map<RuleKey, Item> items = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger claims = new AtomicInteger();
    final AtomicInteger saves = new AtomicInteger();
    /** While set, claims and saves throw as an unavailable table would. */
    volatile boolean unavailable;

    @Override
    public synchronized Optional<Stored> load(RuleKey rule) {
        reads.incrementAndGet();
        return Optional.ofNullable(items.get(rule)).map(InMemoryAlertStateStore::stored);
    }

    @Override
    public synchronized Map<RuleKey, Stored> loadAll(Collection<RuleKey> rules) {
        reads.incrementAndGet();
        Map<RuleKey, Stored> found = new HashMap<>();
        for (RuleKey rule : rules) {
            Item item = items.get(rule);
            if (item != null) {
                found.put(rule, stored(item));
            }
        }
        return found;
    }

    @Override
    public synchronized boolean claim(RuleKey rule, long crossings, AlertState state, PriceAlertTriggered firing) {
        claims.incrementAndGet();
        failIfUnavailable();
        Item item = items.get(rule);
        if ((item == null ? 0 : item.crossings()) != crossings) {
            return false;
        }
        items.put(rule, new Item(state, crossings + 1, firing, false));
        return true;
    }

    @Override
    public synchronized void delivered(RuleKey rule, long crossing) {
        Item item = items.get(rule);
        if (item != null && item.crossings() == crossing) {
            items.put(rule, new Item(item.state(), item.crossings(), item.firing(), true));
        }
    }

    @Override
    public synchronized boolean save(RuleKey rule, long crossings, AlertState state) {
        saves.incrementAndGet();
        failIfUnavailable();
        Item item = items.get(rule);
        if (item != null) {
            Instant stored = AlertState.lastSeen(item.state()).orElse(Instant.MIN);
            Instant seen = AlertState.lastSeen(state).orElse(Instant.MIN);
            if (item.crossings() != crossings || stored.isAfter(seen)) {
                return false;
            }
            items.put(rule, new Item(state, crossings, item.firing(), item.delivered()));
        } else if (crossings != 0) {
            return false;
        } else {
            items.put(rule, new Item(state, 0, null, true));
        }
        return true;
    }

    synchronized long crossings(RuleKey rule) {
        Item item = items.get(rule);
        return item == null ? 0 : item.crossings();
    }

    synchronized Optional<AlertState> state(RuleKey rule) {
        return Optional.ofNullable(items.get(rule)).map(Item::state);
    }

    private static Stored stored(Item item) {
        return new Stored(
                item.state(),
                item.crossings(),
                item.firing() == null || item.delivered() ? Optional.empty() : Optional.of(item.firing()));
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new IllegalStateException("alert-state table unavailable");
        }
    }
}
