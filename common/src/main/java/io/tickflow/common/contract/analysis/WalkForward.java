package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How an analysis checks its best parameters out of sample: the period is cut into folds; in each, parameters are
 * optimised on the in-sample part and then backtested, unchanged, on the out-of-sample part that follows it.
 *
 * @param folds how many folds; {@value #DEFAULT_FOLDS} by default
 * @param mode whether in-sample windows slide or grow; {@link Mode#ROLLING} by default
 * @param inSampleFraction the share of each fold used in sample, above 0 and below 1; {@code 0.7} by default
 */
public record WalkForward(Integer folds, Mode mode, BigDecimal inSampleFraction) {

    /** The number of folds when a request gives none. */
    public static final int DEFAULT_FOLDS = 5;

    /** The in-sample share when a request gives none. */
    public static final BigDecimal DEFAULT_IN_SAMPLE_FRACTION = new BigDecimal("0.7");

    /**
     * Fills in defaults for what is absent.
     *
     * @param folds the number of folds, or {@code null} for {@value #DEFAULT_FOLDS}
     * @param mode the mode, or {@code null} for rolling
     * @param inSampleFraction the in-sample share, or {@code null} for 0.7
     */
    public WalkForward(@Nullable Integer folds, @Nullable Mode mode, @Nullable BigDecimal inSampleFraction) {
        this.folds = folds == null ? DEFAULT_FOLDS : folds;
        this.mode = mode == null ? Mode.ROLLING : mode;
        this.inSampleFraction = inSampleFraction == null ? DEFAULT_IN_SAMPLE_FRACTION : inSampleFraction;
        if (this.folds < 1) {
            throw new IllegalArgumentException("A walk-forward check has at least one fold: " + folds);
        }
        if (this.inSampleFraction.signum() <= 0 || this.inSampleFraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("inSampleFraction is above 0 and below 1: " + inSampleFraction);
        }
    }

    /** All defaults. */
    public static WalkForward defaults() {
        return new WalkForward(null, null, null);
    }

    /** How in-sample windows move from one fold to the next. */
    public enum Mode {
        /** A window of constant length slides forward. */
        ROLLING("rolling"),
        /** Every window starts at the beginning of the period and grows. */
        ANCHORED("anchored");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        /** {@code rolling} or {@code anchored}. */
        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
