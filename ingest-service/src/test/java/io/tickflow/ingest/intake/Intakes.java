package io.tickflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickRejected;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;

/** The intake under test, on a fixed clock, and the checks every test of it shares. */
final class Intakes {

    /** The test clock's "now". */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static final String MESSAGE_ID = "0b5c6a1e-7f7e-4d0c-9d55-3f1d1a5c2b10";

    private Intakes() {}

    static TickIntake intake() {
        return intake(IntakeRules.defaults());
    }

    static TickIntake intake(IntakeRules rules) {
        return new TickIntake(rules, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static IntakeResult read(String body) {
        return intake().read(MESSAGE_ID, body);
    }

    /** The one tick of a batch that was accepted whole. */
    static Tick onlyAccepted(IntakeResult result) {
        assertThat(result.rejections()).as("rejections").isEmpty();
        assertThat(result.accepted()).hasSize(1);
        return result.accepted().getFirst().tick();
    }

    /** The one rejection of a batch of one tick. */
    static Rejection onlyRejection(IntakeResult result) {
        assertThat(result.accepted()).as("accepted").isEmpty();
        assertThat(result.rejections()).hasSize(1);
        return result.rejections().getFirst();
    }

    /**
     * The promise of intake, whatever the input: the whole message is rejected (one rejection, no ticks), or each of
     * its {@code tickCount} ticks is accepted or rejected exactly once; every rejection makes a valid contract event.
     * With {@code tickCount} -1 the count is not known to the caller and only the partition is checked.
     */
    static void assertAccountedFor(IntakeResult result, int tickCount, int maxOriginalLength) {
        assertThat(result.messageId()).isEqualTo(MESSAGE_ID);
        for (Rejection rejection : result.rejections()) {
            assertThat(rejection.reason()).isNotBlank();
            assertThat(rejection.messageId()).isEqualTo(MESSAGE_ID);
            if (rejection.originalTruncated()) {
                assertThat(rejection.originalLength()).isGreaterThan(maxOriginalLength);
                assertThat(rejection.original()).contains("[cut: the first ");
                assertThat(rejection.original().length()).isLessThan(maxOriginalLength + 100);
            } else {
                assertThat(rejection.original()).hasSize(rejection.originalLength());
            }
            TickRejected event = rejection.toEvent("tickflow-ingest", NOW);
            assertThat(event.reasonCode()).isEqualTo(rejection.code().name());
        }
        if (result.messageRejected()) {
            assertThat(result.accepted()).isEmpty();
            assertThat(result.venue()).isNull();
            return;
        }
        assertThat(result.venue()).isNotNull();
        assertThat(result.rejections()).allSatisfy(r -> assertThat(r.position()).isNotNull());
        BitSet seen = new BitSet();
        int count = 0;
        for (AcceptedTick tick : result.accepted()) {
            assertThat(seen.get(tick.position()))
                    .as("position %d twice", tick.position())
                    .isFalse();
            seen.set(tick.position());
            count++;
        }
        for (Rejection rejection : result.rejections()) {
            int position = rejection.position();
            assertThat(seen.get(position)).as("position %d twice", position).isFalse();
            seen.set(position);
            count++;
        }
        assertThat(seen.cardinality()).isEqualTo(count);
        assertThat(seen.nextClearBit(0)).as("positions without gaps").isEqualTo(count);
        if (tickCount >= 0) {
            assertThat(count).isEqualTo(tickCount);
        }
    }
}
