package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tickflow.common.contract.Interval;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CrossesRuleTest {

    private final RuleRun run =
            new RuleRun(new PriceAlertRule.Crosses(RuleRun.VENUE, RuleRun.SYMBOL, new BigDecimal("30000")));

    @Test
    void firesOnceWhenThePriceCrossesUpNotOncePerTickAboveTheLevel() {
        assertThat(run.prices(0, "29990", "29995", "30010", "30020", "30050", "30001"))
                .singleElement()
                .satisfies(firing -> {
                    assertThat(firing.condition()).isEqualTo("crosses-above 30000");
                    assertThat(firing.price()).isEqualByComparingTo("30010");
                    assertThat(firing.time()).isEqualTo(RuleRun.START.plusSeconds(2));
                });
    }

    @Test
    void firesAgainOnEveryLaterCrossingEachWay() {
        assertThat(run.prices(0, "29990", "30010", "30020", "29980", "29970", "30005"))
                .extracting(Firing::condition, f -> f.price().toPlainString())
                .containsExactly(
                        tuple("crosses-above 30000", "30010"),
                        tuple("crosses-below 30000", "29980"),
                        tuple("crosses-above 30000", "30005"));
    }

    @Test
    void theFirstPriceOnlySetsTheSideEvenBeyondTheLevel() {
        assertThat(run.price(0, "31000")).isEmpty();
        assertThat(run.prices(1, "31500", "30500")).isEmpty();
        assertThat(run.price(3, "29000")).map(Firing::condition).contains("crosses-below 30000");
    }

    @Test
    void reachingTheLevelFromEitherSideIsACrossingAndSittingOnItIsNot() {
        assertThat(run.prices(0, "29999", "30000", "30000", "30000.00", "30001"))
                .extracting(Firing::condition)
                .containsExactly("crosses-above 30000");
        assertThat(run.prices(10, "30000", "29999"))
                .as("touching the level from above fires; leaving it downwards then does not fire again")
                .extracting(Firing::condition, f -> f.price().toPlainString())
                .containsExactly(tuple("crosses-below 30000", "30000"));
    }

    @Test
    void aTouchFromBelowThatFallsBackFiresOnlyOnTheTouch() {
        assertThat(run.prices(0, "29990", "30000", "29990", "30000"))
                .extracting(Firing::condition)
                .containsExactly("crosses-above 30000", "crosses-above 30000");
    }

    @Test
    void ignoresATickOlderThanTheLastOne() {
        run.price(10, "29990");
        assertThat(run.price(5, "30100")).as("late tick").isEmpty();
        assertThat(run.state())
                .isEqualTo(new AlertState.LastPrice(RuleRun.START.plusSeconds(10), new BigDecimal("29990")));
        assertThat(run.price(11, "30100")).map(Firing::condition).contains("crosses-above 30000");
    }

    @Test
    void ticksOfTheSameInstantAreAllTaken() {
        run.price(1, "29990");
        assertThat(run.price(1, "30010")).isPresent();
        assertThat(run.price(1, "29990")).isPresent();
    }

    @Test
    void ignoresOtherInstrumentsAndCandles() {
        run.price(0, "29990");
        AlertState before = run.state();
        assertThat(run.observe(new Observation.Price(
                        "coinbase", RuleRun.SYMBOL, RuleRun.START.plusSeconds(1), new BigDecimal("31000"))))
                .isEmpty();
        assertThat(run.observe(new Observation.Price(
                        RuleRun.VENUE, "ETH-USD", RuleRun.START.plusSeconds(1), new BigDecimal("31000"))))
                .isEmpty();
        assertThat(run.candle(Interval.ONE_MINUTE, 0, "31000")).isEmpty();
        assertThat(run.state()).isSameAs(before);
    }

    @Test
    void aStateOfAnotherKindCountsAsNoStateAtAll() {
        AlertState window = AlertState.Window.of(RuleRun.START, new BigDecimal("29000"));
        Evaluation evaluation = AlertEvaluator.observe(
                new PriceAlertRule.Crosses(RuleRun.VENUE, RuleRun.SYMBOL, new BigDecimal("30000")),
                window,
                new Observation.Price(
                        RuleRun.VENUE, RuleRun.SYMBOL, RuleRun.START.plusSeconds(1), new BigDecimal("31000")));
        assertThat(evaluation.firing()).isEmpty();
        assertThat(evaluation.state()).isInstanceOf(AlertState.LastPrice.class);
    }

    @Test
    void rejectsANonPositiveLevelAndABlankMarket() {
        assertThatThrownBy(() -> new PriceAlertRule.Crosses("bitstamp", "BTC-USD", BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The level of a price alert is positive: 0");
        assertThatThrownBy(() -> new PriceAlertRule.Crosses("bitstamp", " ", BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names its venue and symbol");
    }
}
