package io.tickflow.notify.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.common.topology.Topology;
import io.tickflow.localaws.junit.LocalAwsExtension;
import io.tickflow.notify.fanout.AlertStateStore.RuleKey;
import io.tickflow.notify.fanout.AlertStateStore.Stored;
import io.tickflow.notify.fanout.AlertStates;
import io.tickflow.notify.rules.AlertState;
import io.tickflow.notify.rules.Observation;
import io.tickflow.notify.rules.PriceAlertRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The alert-state table on the embedded stack's DynamoDB Local, alone and under two workers' states. */
class DynamoDbAlertStateStoreTest {

    private static final Instant START = Instant.parse("2026-01-02T10:00:00Z");
    private static final PriceAlertRule CROSSES_100 =
            new PriceAlertRule.Crosses("bitstamp", "BTC-USD", new BigDecimal("100"));

    private final DynamoDbAlertStateStore store = new DynamoDbAlertStateStore(
            LocalAwsExtension.sharedClients().dynamoDb(), Topology.tickflow().table("alert-state"), Clock.systemUTC());

    @Test
    void aCrossingIsClaimedOnceAndItsFiringStaysUndeliveredUntilRecorded() {
        RuleKey key = freshKey(0);
        PriceAlertTriggered firing = firing(key, "101");

        assertThat(store.claim(key, 0, price(1, "101"), firing)).isTrue();
        assertThat(store.claim(key, 0, price(2, "102"), firing(key, "102"))).isFalse();
        assertThat(store.load(key)).hasValueSatisfying(stored -> {
            assertThat(stored.crossings()).isEqualTo(1);
            assertThat(stored.state()).isEqualTo(price(1, "101"));
            assertThat(stored.undelivered()).contains(firing);
        });

        store.delivered(key, 1);

        assertThat(store.load(key))
                .hasValueSatisfying(stored -> assertThat(stored.undelivered()).isEmpty());
        assertThat(store.claim(key, 1, price(3, "99"), firing(key, "99"))).isTrue();
    }

    @Test
    void aStateIsStoredBehindOnlyOverAnEarlierOneOfTheSameCrossing() {
        RuleKey key = freshKey(0);

        assertThat(store.save(key, 0, price(5, "99"))).isTrue();
        assertThat(store.save(key, 0, price(4, "101"))).isFalse();
        assertThat(store.claim(key, 0, price(6, "101"), firing(key, "101"))).isTrue();
        assertThat(store.save(key, 0, price(7, "99"))).isFalse();
        assertThat(store.save(key, 1, price(7, "100"))).isTrue();

        assertThat(store.load(key)).hasValueSatisfying(stored -> {
            assertThat(stored.crossings()).isEqualTo(1);
            assertThat(stored.state()).isEqualTo(price(7, "100"));
        });
    }

    @Test
    void readsTheStatesOfManyRulesTogether() {
        String subscription = UUID.randomUUID().toString();
        List<RuleKey> keys = new ArrayList<>();
        for (int index = 0; index < 150; index++) {
            RuleKey key = new RuleKey(subscription, index);
            keys.add(key);
            if (index % 3 != 0) {
                store.save(key, 0, price(index, Integer.toString(100 + index)));
            }
        }

        Map<RuleKey, Stored> stored = store.loadAll(keys);

        assertThat(stored).hasSize(100).doesNotContainKey(keys.get(0)).containsKey(keys.get(149));
        assertThat(stored.get(keys.get(149)).state()).isEqualTo(price(149, "249"));
    }

    @Test
    void twoWorkersRacingOnOneCrossingFireItOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                RuleKey key = freshKey(round);
                AlertStates first =
                        new AlertStates(store, Duration.ofHours(1), Duration.ofMinutes(2), Clock.systemUTC());
                AlertStates second =
                        new AlertStates(store, Duration.ofHours(1), Duration.ofMinutes(2), Clock.systemUTC());
                observe(first, key, 0, "99");
                observe(second, key, 1, "99.5");
                CountDownLatch go = new CountDownLatch(1);

                CompletableFuture<List<AlertStates.Fired>> a = CompletableFuture.supplyAsync(
                        () -> {
                            await(go);
                            return observe(first, key, 2, "101");
                        },
                        threads);
                CompletableFuture<List<AlertStates.Fired>> b = CompletableFuture.supplyAsync(
                        () -> {
                            await(go);
                            return observe(second, key, 3, "102");
                        },
                        threads);
                go.countDown();
                List<AlertStates.Fired> fired = new ArrayList<>(a.get());
                fired.addAll(b.get());

                assertThat(fired).as("round %d", round).hasSize(1);
                assertThat(store.load(key)).hasValueSatisfying(stored -> assertThat(stored.crossings())
                        .isEqualTo(1));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<AlertStates.Fired> observe(AlertStates states, RuleKey key, int second, String price) {
        return states.observe(List.of(new AlertStates.Concern(
                key,
                "alice",
                CROSSES_100,
                List.of(new Observation.Price(
                        "bitstamp", "BTC-USD", START.plusSeconds(second), new BigDecimal(price))))));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static RuleKey freshKey(int index) {
        return new RuleKey(UUID.randomUUID().toString(), index);
    }

    private static AlertState price(int second, String price) {
        return new AlertState.LastPrice(START.plusSeconds(second), new BigDecimal(price));
    }

    private static PriceAlertTriggered firing(RuleKey key, String price) {
        return new PriceAlertTriggered(
                UUID.randomUUID(),
                START,
                key.ruleId(),
                "alice",
                "bitstamp",
                "BTC-USD",
                "crosses-above 100",
                new BigDecimal(price),
                START);
    }
}
