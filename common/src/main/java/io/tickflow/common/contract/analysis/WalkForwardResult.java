package io.tickflow.common.contract.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the optimisation held up out of sample, part of {@link AnalysisCompleted}.
 *
 * @param folds each fold, in time order
 * @param efficiency the walk-forward efficiency: the mean out-of-sample objective value over the mean in-sample one;
 *     absent when the in-sample mean is not positive
 */
public record WalkForwardResult(List<Fold> folds, @Nullable BigDecimal efficiency) {

    public WalkForwardResult {
        folds = List.copyOf(Objects.requireNonNull(folds, "folds"));
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("A walk-forward check has at least one fold");
        }
    }

    /**
     * One fold: parameters optimised in sample, then backtested unchanged on the period that follows.
     *
     * @param inSampleFrom the start of the in-sample window, inclusive
     * @param inSampleTo the end of the in-sample window, exclusive
     * @param outOfSampleFrom the start of the out-of-sample window, inclusive
     * @param outOfSampleTo the end of the out-of-sample window, exclusive
     * @param parameters the parameters chosen in sample
     * @param inSampleValue their objective value in sample
     * @param outOfSampleValue their objective value out of sample
     */
    public record Fold(
            Instant inSampleFrom,
            Instant inSampleTo,
            Instant outOfSampleFrom,
            Instant outOfSampleTo,
            Map<String, BigDecimal> parameters,
            BigDecimal inSampleValue,
            BigDecimal outOfSampleValue) {

        public Fold {
            Objects.requireNonNull(inSampleFrom, "inSampleFrom");
            Objects.requireNonNull(inSampleTo, "inSampleTo");
            Objects.requireNonNull(outOfSampleFrom, "outOfSampleFrom");
            Objects.requireNonNull(outOfSampleTo, "outOfSampleTo");
            parameters = AnalysisCompleted.sortedCopy(parameters, "parameters");
            Objects.requireNonNull(inSampleValue, "inSampleValue");
            Objects.requireNonNull(outOfSampleValue, "outOfSampleValue");
            if (!inSampleFrom.isBefore(inSampleTo)
                    || inSampleTo.isAfter(outOfSampleFrom)
                    || !outOfSampleFrom.isBefore(outOfSampleTo)) {
                throw new IllegalArgumentException("A fold's in-sample window precedes its out-of-sample window: "
                        + inSampleFrom + ".." + inSampleTo + " then " + outOfSampleFrom + ".." + outOfSampleTo);
            }
        }
    }
}
