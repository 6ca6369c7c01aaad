package io.tickflow.common.contract.analysis;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.MessageAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An analysis job that could not finish ({@code tickflow.analysis-failed.v1}, event type {@code AnalysisFailed}).
 *
 * <p>Published by analysis-worker on the {@code analysis-results} topic with the attributes {@code eventType}, {@code
 * schemaVersion}, {@code symbol} and {@code strategy}; consumed by notification-service and user subscriptions.
 *
 * @param eventId this event's identity
 * @param occurredAt when the job failed
 * @param jobId the job
 * @param requestId the request that started the job
 * @param symbol the instrument analysed
 * @param strategy the strategy optimised
 * @param reasonCode what went wrong, for machines: upper-case words joined by underscores, e.g. {@code NO_DATA},
 *     {@code UNKNOWN_STRATEGY}, {@code NO_TRIAL_MET_CONSTRAINTS}
 * @param reason what went wrong, for a person: a sentence saying what to change
 */
public record AnalysisFailed(
        UUID eventId,
        Instant occurredAt,
        String jobId,
        UUID requestId,
        String symbol,
        String strategy,
        String reasonCode,
        String reason)
        implements AnalysisEvent {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.analysis-failed.v1";

    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    public AnalysisFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        if (!REASON_CODE.matcher(reasonCode).matches()) {
            throw new IllegalArgumentException(
                    "A reason code is upper-case words joined by underscores: " + reasonCode);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A failure says why in its reason");
        }
    }

    @Override
    public Contract contract() {
        return Contract.ANALYSIS_FAILED;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.STRATEGY, strategy);
    }
}
