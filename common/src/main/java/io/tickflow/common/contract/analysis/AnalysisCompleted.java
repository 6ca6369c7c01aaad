package io.tickflow.common.contract.analysis;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.MessageAttributes;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a finished analysis job: the best parameters, how they performed and how well they held out of
 * sample ({@code tickflow.analysis-completed.v1}, event type {@code AnalysisCompleted}).
 *
 * <p>Published by analysis-worker on the {@code analysis-results} topic once the report is stored, with the attributes
 * {@code eventType}, {@code schemaVersion}, {@code venue}, {@code symbol}, {@code interval}, {@code strategy}, {@code
 * objective} and {@code objectiveValue} (a Number, so that a subscription can ask only for results above a threshold);
 * consumed by notification-service and user subscriptions.
 *
 * @param eventId this event's identity
 * @param occurredAt when the job finished
 * @param jobId the job
 * @param requestId the request that started the job
 * @param venue the venue of the candles
 * @param symbol the instrument analysed
 * @param interval the candle interval
 * @param strategy the strategy optimised
 * @param objective what was maximised
 * @param objectiveValue the best parameters' objective value over the whole period
 * @param bestParameters the best parameter set, by parameter name
 * @param metrics the best parameters' backtest metrics by name, e.g. {@code sharpe}, {@code maxDrawdown},
 *     {@code totalReturn}, {@code winRate}
 * @param trials how many parameter sets were backtested
 * @param walkForward the out-of-sample check
 * @param deflatedSharpe the Sharpe ratio deflated for the number of trials (Bailey and López de Prado); absent when it
 *     cannot be estimated
 * @param probabilityOfOverfitting the probability of backtest overfitting, 0 to 1; absent when it cannot be estimated
 * @param reportKey the S3 key of the JSON report in the data bucket ({@code analytics/...})
 * @param reportUrl a link to the HTML report, when the worker is configured to give one
 */
public record AnalysisCompleted(
        UUID eventId,
        Instant occurredAt,
        String jobId,
        UUID requestId,
        String venue,
        String symbol,
        Interval interval,
        String strategy,
        Objective objective,
        BigDecimal objectiveValue,
        Map<String, BigDecimal> bestParameters,
        Map<String, BigDecimal> metrics,
        int trials,
        WalkForwardResult walkForward,
        @Nullable BigDecimal deflatedSharpe,
        @Nullable BigDecimal probabilityOfOverfitting,
        String reportKey,
        @Nullable URI reportUrl)
        implements AnalysisEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.analysis-completed.v1";

    public AnalysisCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(objectiveValue, "objectiveValue");
        bestParameters = sortedCopy(bestParameters, "bestParameters");
        metrics = sortedCopy(metrics, "metrics");
        Objects.requireNonNull(walkForward, "walkForward");
        Objects.requireNonNull(reportKey, "reportKey");
        if (trials < 1) {
            throw new IllegalArgumentException("A completed analysis tried at least one parameter set: " + trials);
        }
        if (probabilityOfOverfitting != null
                && (probabilityOfOverfitting.signum() < 0 || probabilityOfOverfitting.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("probabilityOfOverfitting is 0 to 1: " + probabilityOfOverfitting);
        }
    }

    /** An unmodifiable copy ordered by name, so that reports and messages list parameters the same way every time. */
    static SortedMap<String, BigDecimal> sortedCopy(Map<String, BigDecimal> values, String what) {
        Objects.requireNonNull(values, what);
        values.forEach((name, value) -> Objects.requireNonNull(value, () -> what + "." + name));
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    @Override
    public Contract contract() {
        return Contract.ANALYSIS_COMPLETED;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.VENUE, venue)
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.INTERVAL, interval.wireName())
                .with(MessageAttributes.STRATEGY, strategy)
                .with(MessageAttributes.OBJECTIVE, objective.wireName())
                .with(MessageAttributes.OBJECTIVE_VALUE, objectiveValue);
    }
}
