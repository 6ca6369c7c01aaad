package io.tickflow.common.contract.analysis;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.MessageAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How far a running analysis job has come ({@code tickflow.analysis-progress.v1}, event type {@code
 * AnalysisProgress}).
 *
 * <p>Published by analysis-worker on the {@code analysis-results} topic, every few trials, with the attributes {@code
 * eventType}, {@code schemaVersion}, {@code symbol} and {@code strategy}; consumed by whoever watches a study (the
 * tickflow CLI, user subscriptions). notification-service does not receive it: its filter policy keeps outcomes only.
 * Progress events may arrive out of order; the one with the most completed trials is the latest.
 *
 * @param eventId this event's identity
 * @param occurredAt when the progress was measured
 * @param jobId the job
 * @param requestId the request that started the job
 * @param symbol the instrument analysed
 * @param strategy the strategy optimised
 * @param completedTrials how many parameter sets have been backtested
 * @param totalTrials how many will be, at most
 * @param bestObjectiveValue the best objective value so far; {@code null} before any trial met the constraints
 */
public record AnalysisProgress(
        UUID eventId,
        Instant occurredAt,
        String jobId,
        UUID requestId,
        String symbol,
        String strategy,
        int completedTrials,
        int totalTrials,
        @Nullable BigDecimal bestObjectiveValue)
        implements AnalysisEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.analysis-progress.v1";

    public AnalysisProgress {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(strategy, "strategy");
        if (completedTrials < 0 || totalTrials < 1 || completedTrials > totalTrials) {
            throw new IllegalArgumentException(
                    "Progress is 0 to totalTrials (at least 1) trials: " + completedTrials + " of " + totalTrials);
        }
    }

    @Override
    public Contract contract() {
        return Contract.ANALYSIS_PROGRESS;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.STRATEGY, strategy);
    }
}
