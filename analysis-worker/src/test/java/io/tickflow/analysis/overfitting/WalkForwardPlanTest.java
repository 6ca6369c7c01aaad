package io.tickflow.analysis.overfitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tickflow.common.contract.analysis.WalkForward;
import io.tickflow.common.contract.analysis.WalkForward.Mode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {

    private static WalkForward settings(int folds, Mode mode, String inSampleFraction) {
        return new WalkForward(folds, mode, new BigDecimal(inSampleFraction));
    }

    @Test
    void rollingWindowsSlideWithTheRemainderInTheFirstInSampleWindow() {
        // o = floor(100 * 0.3 / (3 * 0.3 + 0.7)) = floor(18.75) = 18, L = floor(18 * 0.7 / 0.3) = 42,
        // remainder = 100 - 42 - 3 * 18 = 4 goes to the first in-sample window.
        assertThat(WalkForwardPlan.split(100, settings(3, Mode.ROLLING, "0.7"), 10))
                .containsExactly(
                        new FoldWindow(0, 46, 46, 64), new FoldWindow(22, 64, 64, 82), new FoldWindow(40, 82, 82, 100));
    }

    @Test
    void anchoredWindowsGrowFromTheFirstBarOverTheSameOutOfSampleWindows() {
        assertThat(WalkForwardPlan.split(100, settings(3, Mode.ANCHORED, "0.7"), 10))
                .containsExactly(
                        new FoldWindow(0, 46, 46, 64), new FoldWindow(0, 64, 64, 82), new FoldWindow(0, 82, 82, 100));
    }

    @Test
    void aPeriodThatDividesEvenlyHasNoRemainder() {
        // o = floor(110 * 0.4 / (4 * 0.4 + 0.6)) = 20, L = 20 * 0.6 / 0.4 = 30, 30 + 4 * 20 = 110.
        assertThat(WalkForwardPlan.split(110, settings(4, Mode.ROLLING, "0.6"), 1))
                .containsExactly(
                        new FoldWindow(0, 30, 30, 50),
                        new FoldWindow(20, 50, 50, 70),
                        new FoldWindow(40, 70, 70, 90),
                        new FoldWindow(60, 90, 90, 110));
        assertThat(WalkForwardPlan.split(110, settings(4, Mode.ANCHORED, "0.6"), 1))
                .extracting(FoldWindow::inSampleFrom, FoldWindow::inSampleTo)
                .containsExactly(tuple(0, 30), tuple(0, 50), tuple(0, 70), tuple(0, 90));
    }

    @Test
    void aSingleFoldKeepsTheRemainderInSample() {
        // o = floor(10 * 0.25 / 1) = 2, L = 2 * 0.75 / 0.25 = 6, remainder 2.
        assertThat(WalkForwardPlan.split(10, settings(1, Mode.ROLLING, "0.75"), 2))
                .containsExactly(new FoldWindow(0, 8, 8, 10));
    }

    @Test
    void windowsCoverThePeriodWithoutOverlapForManyLayouts() {
        String[] fractions = {"0.5", "0.6", "0.7", "0.75", "0.8", "0.9", "0.33"};
        for (Mode mode : Mode.values()) {
            for (int folds = 1; folds <= 12; folds++) {
                for (String fraction : fractions) {
                    for (int bars = 200; bars <= 5000; bars += 97) {
                        assertLayout(bars, settings(folds, mode, fraction));
                    }
                }
            }
        }
    }

    private static void assertLayout(int bars, WalkForward settings) {
        List<FoldWindow> windows = WalkForwardPlan.split(bars, settings, 1);
        // The lengths found again by search in integers: f = p / q, o is the largest length with
        // o p + k o (q - p) <= B (q - p), and L the largest with L (q - p) <= o p.
        long p = settings.inSampleFraction().unscaledValue().longValueExact();
        long q = BigDecimal.TEN.pow(settings.inSampleFraction().scale()).longValueExact();
        int k = settings.folds();
        int outLength = bars;
        while (outLength * p + k * outLength * (q - p) > bars * (q - p)) {
            outLength--;
        }
        int inLength = 0;
        while ((inLength + 1) * (q - p) <= outLength * p) {
            inLength++;
        }
        int remainder = bars - inLength - k * outLength;
        String layout = bars + " bars, " + settings;

        assertThat(windows).as(layout).hasSize(k);
        assertThat(windows.get(0).inSampleFrom()).as(layout).isZero();
        assertThat(windows.get(0).inSampleLength()).as(layout).isEqualTo(inLength + remainder);
        assertThat(windows.getLast().outOfSampleTo()).as(layout).isEqualTo(bars);
        for (int i = 0; i < k; i++) {
            FoldWindow window = windows.get(i);
            assertThat(window.inSampleTo()).as(layout).isEqualTo(window.outOfSampleFrom());
            assertThat(window.outOfSampleLength()).as(layout).isEqualTo(outLength);
            if (i > 0) {
                assertThat(window.outOfSampleFrom())
                        .as(layout)
                        .isEqualTo(windows.get(i - 1).outOfSampleTo());
                assertThat(window.inSampleFrom())
                        .as(layout)
                        .isEqualTo(settings.mode() == Mode.ANCHORED ? 0 : window.outOfSampleFrom() - inLength);
            }
        }
        // Fewer than k + f / (1 - f) + 1 bars are left over for the first in-sample window.
        assertThat(remainder).as(layout).isBetween(0, (int) (k + (double) p / (q - p) + 1));
    }

    @Test
    void rejectsOutOfSampleWindowsShorterThanTheMinimumWithAReasonForTheUser() {
        // o = floor(120 * 0.3 / (5 * 0.3 + 0.7)) = floor(16.36) = 16.
        assertThatThrownBy(() -> WalkForwardPlan.split(120, settings(5, Mode.ROLLING, "0.7"), 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 folds over 120 bars leave 16 bars out of sample per fold, fewer than the 20 a window"
                        + " needs; use fewer folds or a longer period");
        assertThat(WalkForwardPlan.split(120, settings(5, Mode.ROLLING, "0.7"), 16))
                .hasSize(5);
    }

    @Test
    void rejectsInSampleWindowsShorterThanTheMinimumWithAReasonForTheUser() {
        // o = floor(100 * 0.9 / (5 * 0.9 + 0.1)) = floor(19.57) = 19, L = floor(19 * 0.1 / 0.9) = 2.
        assertThatThrownBy(() -> WalkForwardPlan.split(100, settings(5, Mode.ANCHORED, "0.1"), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 folds over 100 bars with an in-sample fraction of 0.1 leave 2 bars in sample per fold,"
                        + " fewer than the 5 a window needs; use fewer folds, a larger in-sample fraction or a longer"
                        + " period");
    }

    @Test
    void rejectsAnEmptyPeriod() {
        assertThatThrownBy(() -> WalkForwardPlan.split(0, WalkForward.defaults(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("5 folds over 0 bars leave 0 bars out of sample per fold");
    }

    @Test
    void efficiencyIsTheMeanOutOfSampleValueOverTheMeanInSampleValue() {
        assertThat(WalkForwardPlan.efficiency(new double[] {1, 2, 3}, new double[] {0.5, 1.5, -0.5}))
                .hasValueCloseTo(0.25, within(1e-15));
        assertThat(WalkForwardPlan.efficiency(new double[] {2}, new double[] {-1}))
                .hasValueCloseTo(-0.5, within(1e-15));
    }

    @Test
    void efficiencyIsAbsentWhenTheInSampleMeanIsNotPositive() {
        assertThat(WalkForwardPlan.efficiency(new double[] {1, -1}, new double[] {1, 1}))
                .isEmpty();
        assertThat(WalkForwardPlan.efficiency(new double[] {-1, -2}, new double[] {1, 1}))
                .isEmpty();
        assertThat(WalkForwardPlan.efficiency(new double[] {1, 2}, new double[] {Double.NaN, 1}))
                .isEmpty();
    }

    @Test
    void efficiencyNeedsOneValuePairPerFold() {
        assertThatThrownBy(() -> WalkForwardPlan.efficiency(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalkForwardPlan.efficiency(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
