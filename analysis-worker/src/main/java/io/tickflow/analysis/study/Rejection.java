package io.tickflow.analysis.study;

import java.util.Objects;

/**
 * Why a trial does not count as a result.
 *
 * @param kind what kind of reason, for grouping and for telling an invalid request from unmet constraints
 * @param reason the reason for a person, e.g. {@code made 3 trades, fewer than the 10 the constraints ask for}
 */
public record Rejection(Kind kind, String reason) {

    public Rejection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** The kinds of reasons, each with how a summary counts them. */
    public enum Kind {
        /** The strategy refused the parameter combination (it was never backtested). */
        INVALID_PARAMETERS("with invalid parameters"),
        /** Fewer trades than constraints.minTrades. */
        TOO_FEW_TRADES("with too few trades"),
        /** A deeper drawdown than constraints.maxDrawdown. */
        TOO_DEEP_DRAWDOWN("with too deep a drawdown"),
        /** The returns define no finite objective value. */
        UNDEFINED_OBJECTIVE("with no objective value");

        private final String counted;

        Kind(String counted) {
            this.counted = counted;
        }

        /** How a count of trials rejected for this reason reads: {@code 12 with too few trades}. */
        public String counted() {
            return counted;
        }
    }

    @Override
    public String toString() {
        return reason;
    }
}
