package io.tickflow.analysis.report;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.analysis.Constraints;
import io.tickflow.common.contract.analysis.Costs;
import io.tickflow.common.contract.analysis.Direction;
import io.tickflow.common.contract.analysis.Objective;
import io.tickflow.common.contract.analysis.Optimizer;
import io.tickflow.common.contract.analysis.WalkForwardResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything a finished study found, as stored under {@code analytics/}: what was asked, the best parameters and
 * their metrics, the equity curve, every trial, the walk-forward check and the overfitting statistics. The JSON form
 * is written by {@link ReportJson}, the page people read by {@link HtmlReport}.
 *
 * @param jobId the job
 * @param requestId the request that started the job
 * @param generatedAt when the report was made
 * @param venue the venue of the candles
 * @param symbol the instrument analysed
 * @param interval the candle interval's wire name, e.g. {@code 5m}
 * @param strategy the strategy optimised
 * @param optimizer the search method's wire name, e.g. {@code grid}
 * @param objective what was maximised
 * @param direction which positions the strategy could take
 * @param costs the costs charged on each fill
 * @param constraints the limits a parameter set had to respect
 * @param from the start of the period, inclusive
 * @param to the end of the period, exclusive
 * @param bars how many candles the period holds
 * @param bestParameters the best parameter set, by name
 * @param objectiveValue the best parameters' objective value over the whole period
 * @param metrics the best parameters' backtest metrics by name, e.g. {@code sharpe}, {@code maxDrawdown}
 * @param trials how many parameter sets were backtested
 * @param equity the best parameters' equity curve against buying and holding
 * @param trialPoints every trial, in the order they ran
 * @param walkForward the out-of-sample check
 * @param deflatedSharpe the Sharpe ratio deflated for the number of trials; absent when it cannot be estimated
 * @param probabilityOfOverfitting the probability of backtest overfitting, 0 to 1; absent when it cannot be estimated
 * @param pboLogits the logits of the out-of-sample ranks behind the probability of overfitting, one per combination;
 *     empty when it was not estimated
 */
public record StudyReport(
        String jobId,
        UUID requestId,
        Instant generatedAt,
        String venue,
        String symbol,
        String interval,
        String strategy,
        String optimizer,
        Objective objective,
        Direction direction,
        Costs costs,
        Constraints constraints,
        Instant from,
        Instant to,
        int bars,
        SortedMap<String, BigDecimal> bestParameters,
        BigDecimal objectiveValue,
        SortedMap<String, BigDecimal> metrics,
        int trials,
        EquityCurve equity,
        List<TrialPoint> trialPoints,
        WalkForwardResult walkForward,
        @Nullable BigDecimal deflatedSharpe,
        @Nullable BigDecimal probabilityOfOverfitting,
        List<Double> pboLogits) {

    public StudyReport {
        requireText(jobId, "jobId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        requireText(venue, "venue");
        requireText(symbol, "symbol");
        if (Interval.fromWireName(Objects.requireNonNull(interval, "interval")).isEmpty()) {
            throw new IllegalArgumentException("Unknown interval: " + interval);
        }
        requireText(strategy, "strategy");
        Objects.requireNonNull(optimizer, "optimizer");
        if (Arrays.stream(Optimizer.Method.values()).noneMatch(m -> m.wireName().equals(optimizer))) {
            throw new IllegalArgumentException("Unknown optimizer: " + optimizer);
        }
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A study's period starts before it ends: " + from + ".." + to);
        }
        if (bars < 1) {
            throw new IllegalArgumentException("A study backtests at least one bar: " + bars);
        }
        bestParameters = sortedCopy(bestParameters, "bestParameters");
        Objects.requireNonNull(objectiveValue, "objectiveValue");
        metrics = sortedCopy(metrics, "metrics");
        if (trials < 1) {
            throw new IllegalArgumentException("A study tries at least one parameter set: " + trials);
        }
        Objects.requireNonNull(equity, "equity");
        trialPoints = List.copyOf(Objects.requireNonNull(trialPoints, "trialPoints"));
        Objects.requireNonNull(walkForward, "walkForward");
        if (probabilityOfOverfitting != null
                && (probabilityOfOverfitting.signum() < 0 || probabilityOfOverfitting.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("probabilityOfOverfitting is 0 to 1: " + probabilityOfOverfitting);
        }
        pboLogits = List.copyOf(Objects.requireNonNull(pboLogits, "pboLogits"));
        // A logit of a rank strictly inside (0, 1) is finite; anything else is a bug upstream, not data to draw.
        pboLogits.forEach(logit -> {
            if (!Double.isFinite(logit)) {
                throw new IllegalArgumentException("PBO logits are finite: " + logit);
            }
        });
    }

    /** An unmodifiable copy ordered by name, so that the JSON and the page list names the same way every time. */
    static SortedMap<String, BigDecimal> sortedCopy(Map<String, BigDecimal> values, String what) {
        Objects.requireNonNull(values, what);
        values.forEach((name, value) -> Objects.requireNonNull(value, () -> what + "." + name));
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " is not blank");
        }
    }
}
