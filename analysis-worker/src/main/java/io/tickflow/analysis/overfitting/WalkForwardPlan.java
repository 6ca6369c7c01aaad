package io.tickflow.analysis.overfitting;

import io.tickflow.common.contract.analysis.WalkForward;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where the folds of a walk-forward check fall in a period of bars, and how well the check held up.
 *
 * <p>Both modes share the same out-of-sample windows. With {@code B} bars, {@code k} folds and in-sample fraction
 * {@code f}, every out-of-sample window has {@code o = floor(B (1 - f) / (k (1 - f) + f))} bars and the in-sample
 * length is {@code L = floor(o f / (1 - f))}, the largest whole number with {@code L / (L + o) <= f}, and {@code o}
 * is the largest length with {@code o f / (1 - f) + k o <= B}. The {@code k} out-of-sample windows are contiguous and tile the
 * tail of the period, fold {@code i} (from 0) covering {@code [B - (k - i) o, B - (k - i - 1) o)}, so the last one ends
 * at the last bar. The remainder {@code r = B - L - k o} of the integer divisions goes to the first in-sample window,
 * which is {@code [0, L + r)}; no bar is left out.
 *
 * <ul>
 *   <li>{@link WalkForward.Mode#ROLLING}: every later in-sample window has the constant length {@code L} and ends
 *       where its out-of-sample window starts, so it slides forward by {@code o} bars per fold.
 *   <li>{@link WalkForward.Mode#ANCHORED}: every in-sample window starts at bar 0 and ends where its out-of-sample
 *       window starts, so it grows by {@code o} bars per fold. The first fold is the same as in rolling mode, which
 *       is where the in-sample fraction holds.
 * </ul>
 */
public final class WalkForwardPlan {

    private WalkForwardPlan() {}

    /**
     * Cuts a period of {@code bars} bars into the folds {@code settings} ask for, as described on this class.
     *
     * @param bars the number of bars in the period
     * @param settings the number of folds, the mode and the in-sample fraction
     * @param minBarsPerWindow the fewest bars an in-sample or out-of-sample window may have, at least 1
     * @return the folds in time order
     * @throws IllegalArgumentException if a window would be shorter than {@code minBarsPerWindow}, with a message
     *     meant for the person who asked for the study
     */
    public static List<FoldWindow> split(int bars, WalkForward settings, int minBarsPerWindow) {
        if (bars < 0) {
            throw new IllegalArgumentException("A period has a number of bars that is not negative: " + bars);
        }
        if (minBarsPerWindow < 1) {
            throw new IllegalArgumentException("A window has at least one bar: " + minBarsPerWindow);
        }
        int folds = settings.folds();
        BigDecimal f = settings.inSampleFraction();
        BigDecimal outShare = BigDecimal.ONE.subtract(f);
        int outLength = BigDecimal.valueOf(bars)
                .multiply(outShare)
                .divide(BigDecimal.valueOf(folds).multiply(outShare).add(f), 0, RoundingMode.FLOOR)
                .intValueExact();
        int inLength = BigDecimal.valueOf(outLength)
                .multiply(f)
                .divide(outShare, 0, RoundingMode.FLOOR)
                .intValueExact();
        int remainder = bars - inLength - folds * outLength;
        String foldsOverBars = folds + (folds == 1 ? " fold" : " folds") + " over " + bars + " bars";
        if (outLength < minBarsPerWindow) {
            throw new IllegalArgumentException(foldsOverBars + " leave " + outLength
                    + " bars out of sample per fold, fewer than the " + minBarsPerWindow
                    + " a window needs; use fewer folds or a longer period");
        }
        int shortestInSample = folds == 1 ? inLength + remainder : inLength;
        if (shortestInSample < minBarsPerWindow) {
            throw new IllegalArgumentException(foldsOverBars + " with an in-sample fraction of " + f.toPlainString()
                    + " leave " + shortestInSample + " bars in sample per fold, fewer than the " + minBarsPerWindow
                    + " a window needs; use fewer folds, a larger in-sample fraction or a longer period");
        }
        List<FoldWindow> windows = new ArrayList<>(folds);
        for (int i = 0; i < folds; i++) {
            int outFrom = bars - (folds - i) * outLength;
            int inFrom = i == 0 || settings.mode() == WalkForward.Mode.ANCHORED ? 0 : outFrom - inLength;
            windows.add(new FoldWindow(inFrom, outFrom, outFrom, outFrom + outLength));
        }
        return List.copyOf(windows);
    }

    /**
     * The walk-forward efficiency as {@link io.tickflow.common.contract.analysis.WalkForwardResult} defines it: the
     * mean of the folds' out-of-sample objective values over the mean of their in-sample ones.
     *
     * @param inSample each fold's in-sample objective value, in fold order
     * @param outOfSample each fold's out-of-sample objective value, in the same order
     * @return the ratio, or empty when the in-sample mean is not positive (the ratio then says nothing about how much
     *     of the in-sample result survived) or either mean is not a finite number
     * @throws IllegalArgumentException if the arrays are empty or differ in length
     */
    public static OptionalDouble efficiency(double[] inSample, double[] outOfSample) {
        if (inSample.length == 0 || inSample.length != outOfSample.length) {
            throw new IllegalArgumentException("Every fold has an in-sample and an out-of-sample value: "
                    + inSample.length + " in sample, " + outOfSample.length + " out of sample");
        }
        double inMean = mean(inSample);
        double outMean = mean(outOfSample);
        if (!(inMean > 0) || !Double.isFinite(inMean) || !Double.isFinite(outMean)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(outMean / inMean);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
