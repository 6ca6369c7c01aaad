package io.tickflow.ingest.intake;

import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.ingest.intake.TickFields.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Judges the fields of one tick and makes the normalised contract record of it, or finds the first thing wrong with
 * it: the type, then each of the type's fields in order (present once, readable), then the rules that relate values
 * (time within the accepted window, prices positive, quantities not negative, bid not above ask, a bar's high and low
 * enclosing its open and close).
 *
 * <p>One assembler serves one message, whose "now" it fixes once, so that every tick of the message is judged against
 * the same window. Like the text readers it returns {@code null} on failure and leaves the reason in {@link
 * #problem()}.
 */
final class TickAssembler {

    private final Instant earliest;
    private final Instant latest;
    private final Instant now;
    private final Duration maxFutureSkew;
    private @Nullable Problem problem;

    TickAssembler(IntakeRules rules, Instant now) {
        this.earliest = rules.earliestTime();
        this.maxFutureSkew = rules.maxFutureSkew();
        this.now = now;
        this.latest = now.plus(maxFutureSkew);
    }

    /** The tick these fields make, or {@code null} when {@link #problem()} says why there is none. */
    @Nullable
    Tick assemble(TickFields fields) {
        problem = null;
        if (fields.isDuplicated(Field.TYPE)) {
            return fail(ReasonCode.DUPLICATE_FIELD.problem("tick", Field.TYPE.wireName()));
        }
        Problem typeProblem = fields.problem(Field.TYPE);
        if (typeProblem != null) {
            return fail(typeProblem);
        }
        TickType type = fields.type();
        if (type == null) {
            return fail(ReasonCode.MISSING_TYPE.problem());
        }
        for (Field field : type.fields()) {
            if (fields.isDuplicated(field)) {
                return fail(ReasonCode.DUPLICATE_FIELD.problem(type.wireName(), field.wireName()));
            }
            Problem fieldProblem = fields.problem(field);
            if (fieldProblem != null) {
                return fail(fieldProblem);
            }
            if ((type.requiredMask() & field.bit()) != 0 && !fields.hasValue(field)) {
                return fail(ReasonCode.MISSING_FIELD.problem(type.wireName(), field.wireName(), type.wireName()));
            }
        }
        Instant time = fields.time();
        if (time.isBefore(earliest)) {
            return fail(ReasonCode.TIME_TOO_EARLY.problem(time, earliest));
        }
        if (time.isAfter(latest)) {
            return fail(ReasonCode.TIME_IN_FUTURE.problem(time, describe(maxFutureSkew), now));
        }
        return switch (type) {
            case TRADE -> trade(fields, time);
            case QUOTE -> quote(fields, time);
            case BAR -> bar(fields, time);
        };
    }

    /** Why the last {@link #assemble} made no tick. */
    Problem problem() {
        if (problem == null) {
            throw new IllegalStateException("The last tick was assembled without a problem");
        }
        return problem;
    }

    private @Nullable Tick trade(TickFields fields, Instant time) {
        BigDecimal price = fields.decimal(Field.PRICE);
        BigDecimal size = fields.decimal(Field.SIZE);
        if (!isPositivePrice(Field.PRICE, price) || !isNonNegativeSize(Field.SIZE, size)) {
            return null;
        }
        return new Trade(fields.symbol(), time, price, size, fields.side(), fields.tradeId(), fields.sequence());
    }

    private @Nullable Tick quote(TickFields fields, Instant time) {
        BigDecimal bid = fields.decimal(Field.BID);
        BigDecimal bidSize = fields.decimal(Field.BID_SIZE);
        BigDecimal ask = fields.decimal(Field.ASK);
        BigDecimal askSize = fields.decimal(Field.ASK_SIZE);
        if (!isPositivePrice(Field.BID, bid)
                || !isNonNegativeSize(Field.BID_SIZE, bidSize)
                || !isPositivePrice(Field.ASK, ask)
                || !isNonNegativeSize(Field.ASK_SIZE, askSize)) {
            return null;
        }
        if (bid.compareTo(ask) > 0) {
            return fail(ReasonCode.CROSSED_QUOTE.problem(bid.toPlainString(), ask.toPlainString()));
        }
        return new Quote(fields.symbol(), time, bid, bidSize, ask, askSize);
    }

    private @Nullable Tick bar(TickFields fields, Instant time) {
        BigDecimal open = fields.decimal(Field.OPEN);
        BigDecimal high = fields.decimal(Field.HIGH);
        BigDecimal low = fields.decimal(Field.LOW);
        BigDecimal close = fields.decimal(Field.CLOSE);
        BigDecimal volume = fields.decimal(Field.VOLUME);
        if (!isPositivePrice(Field.OPEN, open)
                || !isPositivePrice(Field.HIGH, high)
                || !isPositivePrice(Field.LOW, low)
                || !isPositivePrice(Field.CLOSE, close)
                || !isNonNegativeSize(Field.VOLUME, volume)) {
            return null;
        }
        String mismatch = null;
        if (high.compareTo(open) < 0) {
            mismatch = "its high " + high.toPlainString() + " is below its open " + open.toPlainString();
        } else if (high.compareTo(close) < 0) {
            mismatch = "its high " + high.toPlainString() + " is below its close " + close.toPlainString();
        } else if (low.compareTo(open) > 0) {
            mismatch = "its low " + low.toPlainString() + " is above its open " + open.toPlainString();
        } else if (low.compareTo(close) > 0) {
            mismatch = "its low " + low.toPlainString() + " is above its close " + close.toPlainString();
        }
        if (mismatch != null) {
            return fail(ReasonCode.INCONSISTENT_BAR.problem(mismatch));
        }
        return new Bar(fields.symbol(), fields.interval().wireName(), time, open, high, low, close, volume);
    }

    private boolean isPositivePrice(Field field, BigDecimal value) {
        if (value.signum() > 0) {
            return true;
        }
        fail(ReasonCode.NON_POSITIVE_PRICE.problem(field.wireName(), value.toPlainString()));
        return false;
    }

    private boolean isNonNegativeSize(Field field, BigDecimal value) {
        if (value.signum() >= 0) {
            return true;
        }
        fail(ReasonCode.NEGATIVE_SIZE.problem(field.wireName(), value.toPlainString()));
        return false;
    }

    private @Nullable Tick fail(Problem found) {
        problem = found;
        return null;
    }

    /** A duration as a sentence says it: "5 minutes", "90 seconds". */
    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
