package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractMessage;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.MessageAttributes;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A strategy optimisation someone asks for ({@code tickflow.analysis-request.v1}, event type {@code
 * AnalysisRequested}).
 *
 * <p>Sent to the {@code analysis-requests} queue by users, the tickflow CLI and schedules; consumed by analysis-worker,
 * which backtests {@code strategy} on the candles of {@code venue}/{@code symbol} at {@code interval} between {@code
 * from} and {@code to}, searches {@code parameters} with {@code optimizer} for the best {@code objective}, checks the
 * result walk-forward and answers with {@link AnalysisProgress}, then {@link AnalysisCompleted} or {@link
 * AnalysisFailed}, all carrying {@code requestId}. Redelivering a request must not start a second study: the worker
 * keys its job on {@code requestId}.
 *
 * <p>Everything after {@code strategy} is optional; an absent part takes the defaults documented on its type, and the
 * record always holds them filled in, so that two requests that mean the same are equal.
 *
 * @param requestId the requester's id for this request (a UUID), which keys the analysis job
 * @param submittedAt when the request was made
 * @param venue the venue of the candles
 * @param symbol the instrument, as stored (e.g. {@code BTC-USD})
 * @param interval the candle interval the strategy trades on
 * @param from the start of the backtest period, inclusive
 * @param to the end of the backtest period, exclusive; after {@code from}
 * @param strategy the strategy's name, e.g. {@code sma-crossover}
 * @param parameters the values to search, by parameter name; none means one backtest with the strategy's defaults
 * @param optimizer how to search; its seed is derived from {@code requestId} when the request gives none
 * @param objective what to maximise; {@link Objective#SHARPE} by default
 * @param constraints limits a result must respect
 * @param costs trading costs
 * @param direction which positions the strategy may take; {@link Direction#LONG_ONLY} by default
 * @param walkForward how to check the result out of sample
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "schema")
@JsonTypeName(AnalysisRequest.SCHEMA)
public record AnalysisRequest(
        UUID requestId,
        Instant submittedAt,
        String venue,
        String symbol,
        Interval interval,
        Instant from,
        Instant to,
        String strategy,
        Map<String, ParameterSpace> parameters,
        Optimizer optimizer,
        Objective objective,
        Constraints constraints,
        Costs costs,
        Direction direction,
        WalkForward walkForward)
        implements ContractMessage {

    /** The wire name of this contract. */
    public static final String SCHEMA = "tickflow.analysis-request.v1";

    /**
     * Checks the request and fills in defaults for the optional parts that are {@code null}.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to} or the strategy is blank
     */
    public AnalysisRequest(
            UUID requestId,
            Instant submittedAt,
            String venue,
            String symbol,
            Interval interval,
            Instant from,
            Instant to,
            String strategy,
            @Nullable Map<String, ParameterSpace> parameters,
            @Nullable Optimizer optimizer,
            @Nullable Objective objective,
            @Nullable Constraints constraints,
            @Nullable Costs costs,
            @Nullable Direction direction,
            @Nullable WalkForward walkForward) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
        this.parameters.forEach((name, space) -> Objects.requireNonNull(space, () -> "space of parameter " + name));
        Optimizer search = optimizer == null ? Optimizer.defaults() : optimizer;
        this.optimizer = search.seed() == null ? search.withSeed(seedFrom(requestId)) : search;
        this.objective = objective == null ? Objective.SHARPE : objective;
        this.constraints = constraints == null ? Constraints.defaults() : constraints;
        this.costs = costs == null ? Costs.defaults() : costs;
        this.direction = direction == null ? Direction.LONG_ONLY : direction;
        this.walkForward = walkForward == null ? WalkForward.defaults() : walkForward;
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("An analysis period starts before it ends: from " + from + " to " + to);
        }
        if (strategy.isBlank()) {
            throw new IllegalArgumentException("An analysis request names a strategy");
        }
    }

    // The same request, redelivered, must search the same parameter sets: its seed comes from what identifies it.
    // It stays below 2^53 so that readers holding JSON numbers in doubles (JavaScript, jq) read it exactly; the top
    // bits are folded in rather than dropped, so requests that differ only there still get different seeds.
    private static long seedFrom(UUID requestId) {
        long bits = requestId.getMostSignificantBits() ^ requestId.getLeastSignificantBits();
        return (bits ^ (bits >>> 53)) & ((1L << 53) - 1);
    }

    @Override
    public Contract contract() {
        return Contract.ANALYSIS_REQUEST;
    }

    @Override
    public MessageAttributes messageAttributes() {
        return MessageAttributes.of(contract())
                .with(MessageAttributes.VENUE, venue)
                .with(MessageAttributes.SYMBOL, symbol)
                .with(MessageAttributes.INTERVAL, interval.wireName())
                .with(MessageAttributes.STRATEGY, strategy)
                .with(MessageAttributes.OBJECTIVE, objective.wireName());
    }
}
