package io.tickflow.ingest.intake;

import io.tickflow.common.contract.ingest.TickBatch;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The front door of ingest-service: turns one ingest queue message into accepted, normalised ticks and rejections with
 * their reasons. Every input ends as one or the other, whatever it is (not JSON, cut short, hostile): reading never
 * throws on account of the message.
 *
 * <p>What is checked and how each spelling is normalised is the {@code tickflow.tick-batch.v1} contract plus the rules
 * of ingest-service: known {@code type}; symbols normalised ({@code btc/usd} is {@code BTC-USD}) and safe as S3 key
 * parts; venues likewise ({@code Bitstamp} is {@code bitstamp}); times ISO-8601 with a zone or epoch milliseconds, in
 * UTC, within {@link IntakeRules#earliestTime()} and {@link IntakeRules#maxFutureSkew()} of the clock; decimals exact,
 * to the last digit sent; prices positive, quantities not negative, bid not above ask, a bar's high and low enclosing
 * its open and close. {@link ReasonCode} lists every reason a tick or message is refused.
 *
 * <p>A message is read as a stream of JSON tokens, not bound to objects, which makes intake several times faster than
 * binding the message to records ({@code bench/reports/ingest-intake.md} has the numbers). Instances are immutable and
 * thread-safe.
 */
public final class TickIntake {

    private final IntakeRules rules;
    private final Clock clock;

    /**
     * @param rules the limits to apply
     * @param clock the clock ticks from the future are judged by
     */
    public TickIntake(IntakeRules rules, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The limits this intake applies. */
    public IntakeRules rules() {
        return rules;
    }

    /**
     * Reads one message from the ingest queue.
     *
     * @param messageId the SQS message id, recorded in every rejection
     * @param body the message body as received; {@code null} (a message without a body) is rejected like any other bad
     *     input
     * @return every tick of the message accepted or rejected, or the whole message rejected
     */
    public IntakeResult read(String messageId, @Nullable String body) {
        Objects.requireNonNull(messageId, "messageId");
        return new MessageReader(rules, clock.instant(), messageId, body).read();
    }

    /**
     * Judges a batch already read into records, e.g. by Jackson databind or a CSV reader, by the same rules as {@link
     * #read}. Rejected ticks are shown as their records written back as JSON, since the text they came from is gone.
     *
     * @param messageId where the batch came from, recorded in every rejection
     * @param batch the batch
     */
    public IntakeResult check(String messageId, TickBatch batch) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(batch, "batch");
        return new RecordChecker(rules, clock.instant(), messageId, batch).check();
    }
}
