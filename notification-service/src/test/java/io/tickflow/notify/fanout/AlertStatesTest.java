package io.tickflow.notify.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.notify.fanout.AlertStateStore.RuleKey;
import io.tickflow.notify.rules.AlertState;
import io.tickflow.notify.rules.Observation;
import io.tickflow.notify.rules.PriceAlertRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertStatesTest {

    private static final Instant START = Instant.parse("2026-01-02T10:00:00Z");
    private static final RuleKey KEY = new RuleKey("sub-1", 0);
    private static final PriceAlertRule CROSSES_100 =
            new PriceAlertRule.Crosses("bitstamp", "BTC-USD", new BigDecimal("100"));

    private static final Duration HANDOVER = Duration.ofMinutes(2);

    private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    private final TestClock clock = new TestClock();

    @Test
    void aCrossingFiresOnceAndIsClaimedAsTheRulesFirstCrossing() {
        AlertStates worker = worker(Duration.ofHours(1));

        List<AlertStates.Fired> fired = observe(worker, 0, "99", "99.5", "100.5", "101", "102");

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.crossing()).isEqualTo(1);
            assertThat(f.event().condition()).isEqualTo("crosses-above 100");
            assertThat(f.event().price()).isEqualByComparingTo("100.5");
        });
        assertThat(store.crossings(KEY)).isEqualTo(1);
    }

    @Test
    void pricesOnTheSameSideOfTheLevelWriteNothing() {
        AlertStates worker = worker(Duration.ofHours(1));
        observe(worker, 0, "99");
        worker.flush();
        int before = store.saves.get() + store.claims.get();

        for (int i = 1; i <= 1_000; i++) {
            observe(worker, i, i % 2 == 0 ? "98" : "99.5");
            worker.flush();
        }

        assertThat(store.saves.get() + store.claims.get()).isEqualTo(before);
        assertThat(store.state(KEY)).hasValueSatisfying(state -> assertThat(((AlertState.LastPrice) state).price())
                .isEqualByComparingTo("99"));
    }

    @Test
    void aRestartedWorkerDoesNotFireTheSideItWasOnAgainAndFiresTheNextCrossing() {
        AlertStates before = worker(Duration.ofHours(1));
        List<AlertStates.Fired> first = observe(before, 0, "99", "101", "102");
        assertThat(first).hasSize(1);
        before.delivered(first.getFirst());
        before.close();

        AlertStates after = worker(Duration.ofHours(1));
        assertThat(observe(after, 10, "103", "104")).isEmpty();
        List<AlertStates.Fired> next = observe(after, 20, "99");

        assertThat(next).singleElement().satisfies(f -> {
            assertThat(f.crossing()).isEqualTo(2);
            assertThat(f.event().condition()).isEqualTo("crosses-below 100");
        });
    }

    @Test
    void aCrossingWhileNoWorkerRanFiresOnTheFirstPriceAfterTheRestart() {
        AlertStates before = worker(Duration.ofHours(1));
        observe(before, 0, "99", "98");
        before.close();

        AlertStates after = worker(Duration.ofHours(1));

        assertThat(observe(after, 60, "101"))
                .singleElement()
                .satisfies(f -> assertThat(f.event().condition()).isEqualTo("crosses-above 100"));
    }

    @Test
    void twoWorkersSeeingTicksOfOneCrossingFireItOnce() {
        AlertStates first = worker(Duration.ofHours(1));
        AlertStates second = worker(Duration.ofHours(1));
        observe(first, 0, "99");
        observe(second, 1, "99.5");

        List<AlertStates.Fired> fired = new ArrayList<>(observe(first, 2, "101"));
        fired.addAll(observe(second, 3, "102"));

        assertThat(fired).singleElement().satisfies(f -> assertThat(f.event().price())
                .isEqualByComparingTo("101"));
        assertThat(store.crossings(KEY)).isEqualTo(1);
        // The second worker took up the first's side when its claim failed: the way back down is the next crossing.
        assertThat(observe(second, 4, "98")).singleElement().satisfies(f -> assertThat(f.crossing())
                .isEqualTo(2));
    }

    @Test
    void aWorkerTakesUpACrossingAnotherClaimedOnceItsCopyIsOlderThanTheRefresh() {
        AlertStates first = worker(Duration.ofSeconds(1));
        AlertStates second = worker(Duration.ofSeconds(1));
        observe(first, 0, "99");
        observe(second, 1, "99.5");
        assertThat(observe(second, 2, "101")).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        // The market went back under the level, and this tick reached the worker whose copy still says "under".
        List<AlertStates.Fired> fired = observe(first, 3, "98");

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.crossing()).isEqualTo(2);
            assertThat(f.event().condition()).isEqualTo("crosses-below 100");
        });
    }

    @Test
    void aWrittenBehindStateNeverReplacesACrossingAnotherWorkerClaimed() {
        AlertStates first = worker(Duration.ofHours(1));
        AlertStates second = worker(Duration.ofHours(1));
        // The first worker's first price is a change to write behind.
        observe(first, 0, "100");
        assertThat(observe(second, 1, "99", "101")).hasSize(1);

        first.flush();

        assertThat(store.crossings(KEY)).isEqualTo(1);
        assertThat(store.state(KEY)).hasValueSatisfying(state -> assertThat(((AlertState.LastPrice) state).price())
                .isEqualByComparingTo("101"));
        // Refused, the first worker reads the rule again before its next evaluation: still above, nothing fires.
        assertThat(observe(first, 3, "102")).isEmpty();
    }

    @Test
    void aFiringClaimedButNotDeliveredIsDeliveredByTheNextWorkerToReadTheRule() {
        AlertStates crashed = worker(Duration.ofHours(1));
        AlertStates.Fired claimed = observe(crashed, 0, "99", "101").getFirst();

        AlertStates next = worker(Duration.ofHours(1));
        List<AlertStates.Fired> fired = observe(next, 5, "102");
        next.delivered(fired.getFirst());
        AlertStates afterThat = worker(Duration.ofHours(1));

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.event().eventId()).isEqualTo(claimed.event().eventId());
            assertThat(f.crossing()).isEqualTo(1);
        });
        assertThat(observe(afterThat, 6, "103")).isEmpty();
    }

    @Test
    void aFiringClaimedBeforeALaterClaimFailedIsDeliveredWithTheNextObservation() {
        AlertStates worker = worker(Duration.ofHours(1));
        observe(worker, 0, "99");
        List<AlertStates.Fired> firstTry = observe(worker, 1, "101");
        worker.retry(firstTry); // the delivery of crossing 1 failed unexpectedly
        store.unavailable = true;
        assertThatThrownBy(() -> observe(worker, 2, "98")).isInstanceOf(IllegalStateException.class);
        store.unavailable = false;
        List<AlertStates.Fired> fired = observe(worker, 3, "97");

        assertThat(fired).extracting(AlertStates.Fired::crossing).containsExactly(1L, 2L);
        assertThat(fired.get(0).event().eventId())
                .isEqualTo(firstTry.getFirst().event().eventId());
        assertThat(fired.get(1).event().condition()).isEqualTo("crosses-below 100");
    }

    @Test
    void aWorkerHoldingTheRuleTakesUpAFiringAnotherClaimedAndLeftUndeliveredWhenItReadsTheRuleAgain() {
        AlertStates holder = worker(Duration.ofSeconds(1));
        observe(holder, 0, "99");
        AlertStates crashed = worker(Duration.ofSeconds(1));
        AlertStates.Fired claimed = observe(crashed, 1, "99.5", "101").getFirst();

        clock.advance(Duration.ofSeconds(2));
        // Within the handover time the claiming worker may still be delivering it: not taken up yet.
        assertThat(observe(holder, 3, "101.5")).isEmpty();
        clock.advance(HANDOVER);
        List<AlertStates.Fired> fired = observe(holder, 4, "102");
        holder.delivered(fired.getFirst());
        clock.advance(Duration.ofSeconds(2));

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.event().eventId()).isEqualTo(claimed.event().eventId());
            assertThat(f.crossing()).isEqualTo(1);
        });
        assertThat(observe(holder, 5, "103")).isEmpty();
    }

    @Test
    void aFailedFlushLeavesTheStateToTheNextFlush() {
        AlertStates worker = worker(Duration.ofHours(1));
        store.unavailable = true;
        observe(worker, 0, "99.5");

        worker.flush();
        store.unavailable = false;
        worker.flush();

        assertThat(store.state(KEY)).hasValueSatisfying(state -> assertThat(((AlertState.LastPrice) state).price())
                .isEqualByComparingTo("99.5"));
    }

    @Test
    void everyRuleAMessageCrossesFiresOnceWithItsOwnLevel() {
        AlertStates worker = worker(Duration.ofHours(1));
        List<AlertStates.Concern> concerns = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            PriceAlertRule rule = new PriceAlertRule.Crosses("bitstamp", "BTC-USD", new BigDecimal(100 + index));
            concerns.add(new AlertStates.Concern(
                    new RuleKey("sub-many", index),
                    "alice",
                    rule,
                    List.of(
                            new Observation.Price("bitstamp", "BTC-USD", START, new BigDecimal("99")),
                            new Observation.Price("bitstamp", "BTC-USD", START.plusSeconds(1), new BigDecimal("150")),
                            new Observation.Price(
                                    "bitstamp", "BTC-USD", START.plusSeconds(2), new BigDecimal("151")))));
        }

        List<AlertStates.Fired> fired = worker.observe(concerns);

        assertThat(fired).hasSize(20);
        assertThat(fired.stream().map(f -> f.event().condition()))
                .containsExactlyElementsOf(concerns.stream()
                        .map(c -> "crosses-above " + ((PriceAlertRule.Crosses) c.rule()).level())
                        .toList());
        assertThat(fired).allSatisfy(f -> assertThat(store.crossings(f.rule())).isEqualTo(1));
    }

    private AlertStates worker(Duration refresh) {
        return new AlertStates(store, refresh, HANDOVER, clock);
    }

    /** Prices one second apart from {@code from} seconds after the start, in one message. */
    private static List<AlertStates.Fired> observe(AlertStates worker, double from, String... prices) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            observations.add(new Observation.Price(
                    "bitstamp", "BTC-USD", START.plusMillis(Math.round((from + i) * 1000)), new BigDecimal(prices[i])));
        }
        return worker.observe(List.of(new AlertStates.Concern(KEY, "alice", CROSSES_100, observations)));
    }

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
