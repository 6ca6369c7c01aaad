package io.tickflow.common.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of market data a tick or a lake partition holds. Its wire name is also the {@code dataset} SNS attribute and
 * the {@code dataset=} partition of the S3 lake.
 */
public enum Dataset {
    /** Executed trades. */
    TRADES("trades"),
    /** Top-of-book quotes. */
    QUOTES("quotes"),
    /** OHLCV bars sent by a producer (as opposed to candles Tickflow aggregates itself). */
    BARS("bars");

    private final String wireName;

    Dataset(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, in the {@code dataset} message attribute and in lake keys. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The dataset with this wire name, if there is one. */
    public static Optional<Dataset> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(wireName)).findFirst();
    }
}
