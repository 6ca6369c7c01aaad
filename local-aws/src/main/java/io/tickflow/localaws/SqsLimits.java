package io.tickflow.localaws;

import java.util.ArrayList;
import java.util.List;
import org.elasticmq.Limit;
import org.elasticmq.LimitedValue;
import org.elasticmq.Limits;
import org.elasticmq.RangeLimit;
import org.elasticmq.StrictSQSLimits$;
import scala.jdk.javaapi.CollectionConverters;
import scala.math.BigDecimal;

/**
 * SQS's own limits, exactly as ElasticMQ's {@code StrictSQSLimits} states them, with the ranges of characters a message
 * body may hold tried in a better order.
 *
 * <p>ElasticMQ checks every character of every body against those ranges, one after the other, boxing the character
 * for each range it tries. Its list starts with tab, line feed and carriage return, so an ordinary character is tried
 * against four ranges before the one that admits it; under load that check was a third of the stack's CPU. Trying the
 * range of ordinary text first admits the same characters and refuses the same ones, with one test per character.
 */
final class SqsLimits implements Limits {

    private static final Limits STRICT = StrictSQSLimits$.MODULE$;

    /** A character of ordinary text, to find the range that admits most characters. */
    private static final int ORDINARY = 'a';

    private final Limit<scala.collection.immutable.List<RangeLimit<Object>>> bodyValidCharacters;

    SqsLimits() {
        this.bodyValidCharacters = ordinaryTextFirst(STRICT.bodyValidCharactersLimit());
    }

    private static Limit<scala.collection.immutable.List<RangeLimit<Object>>> ordinaryTextFirst(
            Limit<scala.collection.immutable.List<RangeLimit<Object>>> limit) {
        if (!(limit instanceof LimitedValue<scala.collection.immutable.List<RangeLimit<Object>>> ranges)) {
            return limit;
        }
        List<RangeLimit<Object>> ordered = new ArrayList<>();
        for (RangeLimit<Object> range : CollectionConverters.asJava(ranges.value())) {
            if (range.isBetween(ORDINARY)) {
                ordered.addFirst(range);
            } else {
                ordered.add(range);
            }
        }
        return new LimitedValue<>(CollectionConverters.asScala(ordered).toList());
    }

    @Override
    public Limit<scala.collection.immutable.List<RangeLimit<Object>>> bodyValidCharactersLimit() {
        return bodyValidCharacters;
    }

    @Override
    public Limit<Object> queueNameLengthLimit() {
        return STRICT.queueNameLengthLimit();
    }

    @Override
    public Limit<Object> batchSizeLimit() {
        return STRICT.batchSizeLimit();
    }

    @Override
    public Limit<RangeLimit<Object>> numberOfMessagesLimit() {
        return STRICT.numberOfMessagesLimit();
    }

    @Override
    public Limit<Object> nonEmptyAttributesLimit() {
        return STRICT.nonEmptyAttributesLimit();
    }

    @Override
    public Limit<RangeLimit<BigDecimal>> numberAttributeValueLimit() {
        return STRICT.numberAttributeValueLimit();
    }

    @Override
    public Limit<RangeLimit<Object>> messageWaitTimeLimit() {
        return STRICT.messageWaitTimeLimit();
    }

    @Override
    public Limit<Object> maxMessageLength() {
        return STRICT.maxMessageLength();
    }

    @Override
    public Limit<Object> messageAttributesLimit() {
        return STRICT.messageAttributesLimit();
    }
}
