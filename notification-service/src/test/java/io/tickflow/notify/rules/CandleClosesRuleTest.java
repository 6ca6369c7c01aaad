package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Interval;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CandleClosesRuleTest {

    private final RuleRun above = new RuleRun(new PriceAlertRule.CandleCloses(
            RuleRun.VENUE, RuleRun.SYMBOL, Interval.ONE_HOUR, PriceAlertRule.Side.ABOVE, new BigDecimal("30000")));

    @Test
    void firesOncePerCrossingOfTheCloses() {
        assertThat(above.candle(Interval.ONE_HOUR, 0, "29000")).isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 1, "30500")).hasValueSatisfying(firing -> {
            assertThat(firing.condition()).isEqualTo("candle-closes-above 1h 30000");
            assertThat(firing.price()).isEqualByComparingTo("30500");
            assertThat(firing.time())
                    .isEqualTo(RuleRun.START.plus(Interval.ONE_HOUR.duration().multipliedBy(2)));
        });
        assertThat(above.candle(Interval.ONE_HOUR, 2, "31000"))
                .as("still above")
                .isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 3, "29500")).isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 4, "30100"))
                .as("above again")
                .isPresent();
        assertThat(above.firings()).hasSize(2);
    }

    @Test
    void theFirstCandleOnlyTellsWhereTheMarketIs() {
        assertThat(above.candle(Interval.ONE_HOUR, 0, "35000")).isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 1, "36000")).isEmpty();
    }

    @Test
    void aCloseOnTheLevelIsNotAbove() {
        above.candle(Interval.ONE_HOUR, 0, "29000");
        assertThat(above.candle(Interval.ONE_HOUR, 1, "30000")).isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 2, "30000.01")).isPresent();
    }

    @Test
    void firesOncePerCandleWhenTheCandleIsDeliveredAgain() {
        above.candle(Interval.ONE_HOUR, 0, "29000");
        assertThat(above.candle(Interval.ONE_HOUR, 1, "30500")).isPresent();
        AlertState afterFiring = above.state();
        assertThat(above.candle(Interval.ONE_HOUR, 1, "30500")).isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 0, "29000"))
                .as("an older candle")
                .isEmpty();
        assertThat(above.state()).isEqualTo(afterFiring);
    }

    @Test
    void watchesOnlyItsIntervalAndNotTicks() {
        above.candle(Interval.ONE_HOUR, 0, "29000");
        assertThat(above.candle(Interval.ONE_MINUTE, 61, "31000")).isEmpty();
        assertThat(above.price(3700, "31000")).isEmpty();
        assertThat(above.candle(Interval.ONE_HOUR, 1, "30500"))
                .as("the 1m candle did not count")
                .isPresent();
    }

    @Test
    void belowFiresWhenACloseFallsUnderTheLevel() {
        RuleRun below = new RuleRun(new PriceAlertRule.CandleCloses(
                RuleRun.VENUE,
                RuleRun.SYMBOL,
                Interval.FIVE_MINUTES,
                PriceAlertRule.Side.BELOW,
                new BigDecimal("30000")));
        below.candle(Interval.FIVE_MINUTES, 0, "31000");
        assertThat(below.candle(Interval.FIVE_MINUTES, 1, "30000")).isEmpty();
        assertThat(below.candle(Interval.FIVE_MINUTES, 2, "29999.99"))
                .map(Firing::condition)
                .contains("candle-closes-below 5m 30000");
    }

    @Test
    void aStateForAnotherIntervalCountsAsNoState() {
        AlertState minuteState = new AlertState.LastCandle(Interval.ONE_MINUTE, RuleRun.START, new BigDecimal("29000"));
        Evaluation evaluation = AlertEvaluator.observe(
                new PriceAlertRule.CandleCloses(
                        RuleRun.VENUE,
                        RuleRun.SYMBOL,
                        Interval.ONE_HOUR,
                        PriceAlertRule.Side.ABOVE,
                        new BigDecimal("30000")),
                minuteState,
                new Observation.Candle(RuleRun.candle(RuleRun.VENUE, RuleRun.SYMBOL, Interval.ONE_HOUR, 1, "30500")));
        assertThat(evaluation.firing()).isEmpty();
        assertThat(evaluation.state())
                .isEqualTo(new AlertState.LastCandle(
                        Interval.ONE_HOUR, RuleRun.START.plus(Interval.ONE_HOUR.duration()), new BigDecimal("30500")));
    }
}
