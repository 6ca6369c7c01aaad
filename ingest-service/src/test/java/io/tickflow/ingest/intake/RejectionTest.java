package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.MESSAGE_ID;
import static io.tickflow.ingest.intake.Intakes.NOW;
import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.IngestEvent;
import io.tickflow.common.contract.ingest.TickRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rejections as a person and the {@code tickflow.tick-rejected.v1} contract see them. */
class RejectionTest {

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyReasonCodeIsAStableUpperSnakeCodeWithASentence(ReasonCode code) {
        String sentence = code.sentence("X", "Y", "Z", "W");

        assertThat(code.name()).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
        assertThat(sentence).endsWith(".").doesNotContain("%s").hasSizeGreaterThan(30);
        assertThat(Character.isUpperCase(sentence.charAt(0)) || sentence.charAt(0) == '"')
                .isTrue();
    }

    @Test
    void becomesATickRejectedEventWithItsSource() {
        Rejection rejection = read(batch(trade(), trade().with("price", "\"-1\"")))
                .rejections()
                .getFirst();

        TickRejected event = rejection.toEvent("tickflow-ingest", NOW);

        assertThat(event.reasonCode()).isEqualTo("NON_POSITIVE_PRICE");
        assertThat(event.reason()).isEqualTo(rejection.reason());
        assertThat(event.original()).isEqualTo(rejection.original());
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.source()).isEqualTo(new TickRejected.Source("tickflow-ingest", MESSAGE_ID, 1));
    }

    @Test
    void givesARedeliveredMessageTheSameEventIds() {
        String body = batch(trade().with("price", "\"-1\""), trade().with("size", "\"-1\""));

        TickRejected first = read(body).rejections().getFirst().toEvent("q", NOW);
        TickRejected again = read(body).rejections().getFirst().toEvent("q", NOW.plusSeconds(30));
        TickRejected other = read(body).rejections().getLast().toEvent("q", NOW);

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(other.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void wholeMessageRejectionHasNoPosition() {
        TickRejected event = read("nope").rejections().getFirst().toEvent("tickflow-ingest", NOW);

        assertThat(event.source().position()).isNull();
        assertThat(event.original()).isEqualTo("nope");
    }

    @Test
    void eventsWriteAndReadBackThroughTheContractMapper() {
        TickRejected event = read(batch(trade().withString("symbol", "../etc")))
                .rejections()
                .getFirst()
                .toEvent("tickflow-ingest", NOW);

        String json = ContractJson.mapper().writeValueAsString(event);

        assertThat(ContractJson.mapper().readValue(json, IngestEvent.class)).isEqualTo(event);
    }
}
