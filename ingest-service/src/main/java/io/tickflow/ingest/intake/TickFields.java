package io.tickflow.ingest.intake;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.ingest.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one tick as they were read, before the tick's type decides which of them matter: for each, nothing, a
 * usable value, or the {@link Problem} with what was sent.
 *
 * <p>Reading the fields and judging the tick are kept apart because JSON does not order properties: {@code type} may
 * come last, after fields that only its type gives a meaning to. One instance is reused for every tick of a message
 * ({@link #reset()}), so that reading a tick allocates only the values it keeps. The simple string checks (trade id,
 * interval, sequence) live in the setters, so that both readers of ticks (JSON text and records) apply them alike.
 */
final class TickFields {

    /** The tick properties the contract names. */
    enum Field {
        TYPE("type"),
        SYMBOL("symbol"),
        TIME("time"),
        PRICE("price"),
        SIZE("size"),
        SIDE("side"),
        TRADE_ID("tradeId"),
        SEQUENCE("sequence"),
        BID("bid"),
        BID_SIZE("bidSize"),
        ASK("ask"),
        ASK_SIZE("askSize"),
        INTERVAL("interval"),
        OPEN("open"),
        HIGH("high"),
        LOW("low"),
        CLOSE("close"),
        VOLUME("volume");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        /** The JSON property name. */
        String wireName() {
            return wireName;
        }

        /** This field's bit in the masks of {@link TickFields} and {@link TickType}. */
        int bit() {
            return 1 << ordinal();
        }
    }

    /** The longest trade id, as in the contract. */
    static final int MAX_TRADE_ID_LENGTH = 128;

    /** The intervals a bar may have, as a sentence lists them. */
    static final String SUPPORTED_INTERVALS = "\"1m\", \"5m\", \"1h\" or \"1d\"";

    private static final int FIELD_COUNT = Field.values().length;

    private int named;
    private int duplicated;
    private int valued;
    private int failed;
    private @Nullable TickType type;
    private @Nullable String symbol;
    private @Nullable Instant time;
    private @Nullable Side side;
    private @Nullable String tradeId;
    private long sequence;
    private @Nullable Interval interval;
    private final @Nullable BigDecimal[] decimals = new BigDecimal[FIELD_COUNT];
    private final @Nullable Problem[] problems = new Problem[FIELD_COUNT];

    /** Forgets the previous tick. */
    void reset() {
        if (failed != 0) {
            Arrays.fill(problems, null);
        }
        named = 0;
        duplicated = 0;
        valued = 0;
        failed = 0;
        // The values need no clearing: {@code valued} says which of them belong to the current tick.
    }

    /**
     * Notes that the property of {@code field} appeared; {@code false} if it had already, when the second value is to
     * be skipped and the tick is rejected (if its type reads the field).
     */
    boolean name(Field field) {
        int bit = field.bit();
        if ((named & bit) != 0) {
            duplicated |= bit;
            return false;
        }
        named |= bit;
        return true;
    }

    /** Whether no property of a tick appeared at all. */
    boolean isEmpty() {
        return named == 0;
    }

    boolean isDuplicated(Field field) {
        return (duplicated & field.bit()) != 0;
    }

    boolean hasValue(Field field) {
        return (valued & field.bit()) != 0;
    }

    /** The problem of {@code field}'s value, or {@code null} if it has none. */
    @Nullable
    Problem problem(Field field) {
        return (failed & field.bit()) != 0 ? problems[field.ordinal()] : null;
    }

    void fail(Field field, Problem problem) {
        failed |= field.bit();
        problems[field.ordinal()] = problem;
    }

    void type(TickType value) {
        type = value;
        valued |= Field.TYPE.bit();
    }

    void symbol(String normalised) {
        symbol = normalised;
        valued |= Field.SYMBOL.bit();
    }

    void time(Instant value) {
        time = value;
        valued |= Field.TIME.bit();
    }

    void decimal(Field field, BigDecimal value) {
        decimals[field.ordinal()] = value;
        valued |= field.bit();
    }

    void side(Side value) {
        side = value;
        valued |= Field.SIDE.bit();
    }

    /** Sets the trade id if it can be used as a key: 1 to 128 characters, none of them a control character. */
    void tradeId(String sent) {
        String fault = null;
        if (sent.isEmpty()) {
            fault = "it is empty";
        } else if (sent.length() > MAX_TRADE_ID_LENGTH) {
            fault = "it has " + sent.length() + " characters, more than " + MAX_TRADE_ID_LENGTH;
        } else {
            for (int i = 0; i < sent.length() && fault == null; i++) {
                if (Character.isISOControl(sent.charAt(i))) {
                    fault = "it contains the control character " + Quoting.character(sent.charAt(i));
                }
            }
        }
        if (fault != null) {
            fail(Field.TRADE_ID, ReasonCode.INVALID_TRADE_ID.problem(Quoting.string(sent), fault));
        } else {
            tradeId = sent;
            valued |= Field.TRADE_ID.bit();
        }
    }

    /** Sets the sequence if it is not negative. */
    void sequence(long value) {
        if (value < 0) {
            fail(Field.SEQUENCE, ReasonCode.INVALID_SEQUENCE.problem(Long.toString(value), "it is negative"));
        } else {
            sequence = value;
            valued |= Field.SEQUENCE.bit();
        }
    }

    /** Sets the interval if it is one of the contract's {@link Interval}s. */
    void interval(String sent) {
        Interval known =
                switch (sent) {
                    case "1m" -> Interval.ONE_MINUTE;
                    case "5m" -> Interval.FIVE_MINUTES;
                    case "1h" -> Interval.ONE_HOUR;
                    case "1d" -> Interval.ONE_DAY;
                    default -> null;
                };
        if (known != null) {
            interval = known;
            valued |= Field.INTERVAL.bit();
        } else if (isCountAndUnit(sent)) {
            fail(Field.INTERVAL, ReasonCode.UNSUPPORTED_INTERVAL.problem(Quoting.string(sent), SUPPORTED_INTERVALS));
        } else {
            fail(
                    Field.INTERVAL,
                    ReasonCode.INVALID_INTERVAL.problem(
                            Quoting.string(sent),
                            "it is not a count from 1 to 9999 followed by s, m, h, d or w",
                            SUPPORTED_INTERVALS));
        }
    }

    @Nullable
    TickType type() {
        return hasValue(Field.TYPE) ? type : null;
    }

    /** The normalised symbol; only valid if {@link #hasValue} says so. */
    String symbol() {
        return valueOf(symbol);
    }

    Instant time() {
        return valueOf(time);
    }

    BigDecimal decimal(Field field) {
        return valueOf(decimals[field.ordinal()]);
    }

    @Nullable
    Side side() {
        return hasValue(Field.SIDE) ? side : null;
    }

    @Nullable
    String tradeId() {
        return hasValue(Field.TRADE_ID) ? tradeId : null;
    }

    @Nullable
    Long sequence() {
        return hasValue(Field.SEQUENCE) ? sequence : null;
    }

    Interval interval() {
        return valueOf(interval);
    }

    /** The contract's {@code barInterval} pattern, {@code [1-9][0-9]{0,3}[smhdw]}. */
    private static boolean isCountAndUnit(String text) {
        int length = text.length();
        if (length < 2 || length > 5 || text.charAt(0) < '1' || text.charAt(0) > '9') {
            return false;
        }
        for (int i = 1; i < length - 1; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return "smhdw".indexOf(text.charAt(length - 1)) >= 0;
    }

    private static <T> T valueOf(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("A field was read without checking that it has a value");
        }
        return value;
    }
}
