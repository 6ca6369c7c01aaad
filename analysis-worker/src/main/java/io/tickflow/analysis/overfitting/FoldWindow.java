package io.tickflow.analysis.overfitting;

/**
 * The bar-index windows of one walk-forward fold, half-open: parameters are optimised on bars {@code [inSampleFrom,
 * inSampleTo)} and then backtested unchanged on bars {@code [outOfSampleFrom, outOfSampleTo)}.
 *
 * @param inSampleFrom the first in-sample bar
 * @param inSampleTo the bar after the last in-sample one
 * @param outOfSampleFrom the first out-of-sample bar
 * @param outOfSampleTo the bar after the last out-of-sample one
 */
public record FoldWindow(int inSampleFrom, int inSampleTo, int outOfSampleFrom, int outOfSampleTo) {

    public FoldWindow {
        if (inSampleFrom < 0
                || inSampleFrom >= inSampleTo
                || inSampleTo > outOfSampleFrom
                || outOfSampleFrom >= outOfSampleTo) {
            throw new IllegalArgumentException("A fold's non-empty in-sample window precedes its non-empty"
                    + " out-of-sample window: [" + inSampleFrom + ", " + inSampleTo + ") then [" + outOfSampleFrom
                    + ", " + outOfSampleTo + ")");
        }
    }

    /** The number of in-sample bars. */
    public int inSampleLength() {
        return inSampleTo - inSampleFrom;
    }

    /** The number of out-of-sample bars. */
    public int outOfSampleLength() {
        return outOfSampleTo - outOfSampleFrom;
    }
}
