package io.tickflow.common.contract.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of the book initiated a trade: the aggressor. */
public enum Side {
    /** A buyer took an offer. */
    BUY("buy"),
    /** A seller hit a bid. */
    SELL("sell");

    private final String wireName;

    Side(String wireName) {
        this.wireName = wireName;
    }

    /** {@code buy} or {@code sell}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
