package io.tickflow.common.contract.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which positions a strategy may take in a backtest. */
public enum Direction {
    /** Long positions or flat. */
    LONG_ONLY("long-only"),
    /** Long, short or flat. */
    LONG_SHORT("long-short");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** {@code long-only} or {@code long-short}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
