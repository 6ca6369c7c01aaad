package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickflow.common.contract.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MovesPercentRuleTest {

    private final RuleRun run = new RuleRun(
            new PriceAlertRule.MovesPercent(RuleRun.VENUE, RuleRun.SYMBOL, new BigDecimal("5"), Duration.ofMinutes(1)));

    @Test
    void firesWhenThePriceRisesMoreThanThePercentWithinTheWindow() {
        assertThat(run.price(0, "100")).as("the first price never fires").isEmpty();
        assertThat(run.price(10, "103")).isEmpty();
        assertThat(run.price(20, "105.01")).hasValueSatisfying(firing -> {
            assertThat(firing.condition()).isEqualTo("moves-up 5% within PT1M");
            assertThat(firing.price()).isEqualByComparingTo("105.01");
            assertThat(firing.time()).isEqualTo(RuleRun.START.plusSeconds(20));
        });
    }

    @Test
    void exactlyThePercentIsNotMoreThanIt() {
        assertThat(run.prices(0, "100", "105")).isEmpty();
        RuleRun falling = new RuleRun(new PriceAlertRule.MovesPercent(
                RuleRun.VENUE, RuleRun.SYMBOL, new BigDecimal("5"), Duration.ofMinutes(1)));
        assertThat(falling.prices(0, "100", "95")).isEmpty();
    }

    @Test
    void firesWhenThePriceFallsMoreThanThePercentBelowTheWindowsHigh() {
        run.price(0, "100");
        assertThat(run.price(1, "110")).map(Firing::condition).contains("moves-up 5% within PT1M");
        assertThat(run.price(2, "104"))
                .as("104 is 5.45 % under 110, though only 4 % over 100")
                .map(Firing::condition)
                .contains("moves-down 5% within PT1M");
    }

    @Test
    void aMoveSpreadOverMoreThanTheWindowDoesNotFire() {
        // 8 % in two minutes, but never more than 4 % within one minute.
        assertThat(run.price(0, "100")).isEmpty();
        assertThat(run.price(30, "102")).isEmpty();
        assertThat(run.price(60, "104")).isEmpty();
        assertThat(run.price(90, "106")).isEmpty();
        assertThat(run.price(120, "108")).isEmpty();
    }

    @Test
    void aPriceExactlyOneWindowOldStillCountsAndOneMomentOlderDoesNot() {
        run.price(0, "100");
        assertThat(run.price(60, "105.5"))
                .as("100 was seen exactly one minute before")
                .isPresent();

        RuleRun later = new RuleRun(new PriceAlertRule.MovesPercent(
                RuleRun.VENUE, RuleRun.SYMBOL, new BigDecimal("5"), Duration.ofMinutes(1)));
        later.price(0, "100");
        assertThat(later.price(61, "105.5"))
                .as("100 left the window a second ago")
                .isEmpty();
    }

    @Test
    void firesOncePerEpisodeAndReArmsOnlyWhenTheMoveFallsBackUnderThePercent() {
        assertThat(run.prices(0, "100", "106", "107", "108", "106"))
                .extracting(Firing::price)
                .as("one firing while the move stays over 5 %")
                .containsExactly(new BigDecimal("106"));
        assertThat(run.prices(5, "104"))
                .as("back to 4 % over the low: re-armed")
                .isEmpty();
        assertThat(run.prices(6, "105.2")).extracting(Firing::condition).containsExactly("moves-up 5% within PT1M");
    }

    @Test
    void reArmsWhenTheLowLeavesTheWindow() {
        run.prices(0, "100", "106");
        assertThat(run.price(90, "106.5"))
                .as("100 has left the window: no move")
                .isEmpty();
        assertThat(run.price(100, "112")).map(Firing::condition).contains("moves-up 5% within PT1M");
    }

    @Test
    void aReversalFiresTheOtherWayDuringAnEpisode() {
        assertThat(run.prices(0, "100", "106", "99"))
                .extracting(Firing::condition)
                .containsExactly("moves-up 5% within PT1M", "moves-down 5% within PT1M");
    }

    @Test
    void ignoresATickOlderThanTheLastOne() {
        run.prices(0, "100", "101");
        AlertState before = run.state();
        assertThat(run.price(0.5, "80")).isEmpty();
        assertThat(run.state()).isSameAs(before);
        assertThat(run.price(2, "94.9")).map(Firing::condition).contains("moves-down 5% within PT1M");
    }

    @Test
    void ignoresCandles() {
        run.price(0, "100");
        AlertState before = run.state();
        assertThat(run.candle(Interval.ONE_MINUTE, 0, "200")).isEmpty();
        assertThat(run.state()).isSameAs(before);
    }

    @Test
    void theWindowStaysSmallWhileTheMarketTrendsAndKeepsTheLowWithinOneSlot() {
        // 10,000 ticks 10 ms apart, each 0.0001 higher than the last: an exact minimum deque would keep the last
        // minute's 6,000.
        for (int i = 0; i < 10_000; i++) {
            run.price(i / 100.0, rising(i).toPlainString());
        }
        AlertState.Window window = (AlertState.Window) run.state();
        assertThat(window.minima()).hasSizeLessThanOrEqualTo(AlertState.Window.SLOTS_PER_WINDOW + 2);
        assertThat(window.maxima()).hasSize(1);
        // The last tick is at 99.99 s, so the window starts at 39.99 s, the time of tick 3,999. A merged point may
        // hold a price up to one slot (600 ms, 60 ticks) older, never a younger one.
        assertThat(window.lowest()).isBetween(rising(3_999 - 60), rising(3_999));
        assertThat(run.firings()).as("1 % in 100 s").isEmpty();
        assertThat(run.price(100, "110"))
                .as("the bounded window still measures moves")
                .map(Firing::condition)
                .contains("moves-up 5% within PT1M");
    }

    @Test
    void theWindowStaysSmallWhileTheMarketFalls() {
        for (int i = 0; i < 10_000; i++) {
            run.price(
                    i / 100.0,
                    new BigDecimal("200")
                            .subtract(new BigDecimal("0.001").multiply(BigDecimal.valueOf(i)))
                            .toPlainString());
        }
        AlertState.Window window = (AlertState.Window) run.state();
        assertThat(window.maxima()).hasSizeLessThanOrEqualTo(AlertState.Window.SLOTS_PER_WINDOW + 2);
        assertThat(window.minima()).hasSize(1);
    }

    @Test
    void rejectsWindowsOutsideOneSecondToSevenDaysAndANonPositivePercent() {
        assertThatThrownBy(() ->
                        new PriceAlertRule.MovesPercent("bitstamp", "BTC-USD", BigDecimal.ONE, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The window of a moves-percent rule is 1 second to 7 days (PT1S to P7D): PT0.5S");
        assertThatThrownBy(() ->
                        new PriceAlertRule.MovesPercent("bitstamp", "BTC-USD", BigDecimal.ONE, Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT192H");
        assertThatThrownBy(() -> new PriceAlertRule.MovesPercent(
                        "bitstamp", "BTC-USD", new BigDecimal("-1"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The percent of a price alert is positive: -1");
    }

    private static BigDecimal rising(int tick) {
        return new BigDecimal("100").add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(tick)));
    }
}
