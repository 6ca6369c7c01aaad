package io.tickflow.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FiringTest {

    private static final PriceAlertTriggered EXAMPLE = ObservationsTest.example(
            Contract.PRICE_ALERT_TRIGGERED, "btc-crosses-above-30000.json", PriceAlertTriggered.class);

    private final PriceAlertRule rule = new PriceAlertRule.Crosses("bitstamp", "BTC-USD", new BigDecimal("30000"));

    @Test
    void aCrossingAnnouncesWhatTheContractsExampleShows() {
        Instant tick = EXAMPLE.triggeredBy();
        Evaluation first = AlertEvaluator.observe(rule, AlertState.initial(), price(tick.minusSeconds(1), "29999.5"));
        Firing firing = AlertEvaluator.observe(rule, first.state(), price(tick, "30000.01"))
                .firing()
                .orElseThrow();

        PriceAlertTriggered event = firing.toEvent("rule-5a1b", "alice", rule, EXAMPLE.occurredAt());

        assertThat(event).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(EXAMPLE);
    }

    @Test
    void theSameFiringAnnouncedAgainHasTheSameEventIdAndAnotherFiringAnother() {
        Firing firing = new Firing("crosses-above 30000", new BigDecimal("30000.01"), EXAMPLE.triggeredBy());
        Instant now = EXAMPLE.occurredAt();

        assertThat(firing.toEvent("rule-5a1b", "alice", rule, now).eventId())
                .isEqualTo(firing.toEvent("rule-5a1b", "alice", rule, now.plusSeconds(30))
                        .eventId())
                .isNotEqualTo(firing.toEvent("rule-other", "alice", rule, now).eventId())
                .isNotEqualTo(new Firing(
                                firing.condition(),
                                firing.price(),
                                firing.time().plusMillis(1))
                        .toEvent("rule-5a1b", "alice", rule, now)
                        .eventId())
                .isNotEqualTo(new Firing("crosses-below 30000", firing.price(), firing.time())
                        .toEvent("rule-5a1b", "alice", rule, now)
                        .eventId());
    }

    private static Observation price(Instant time, String price) {
        return new Observation.Price("bitstamp", "BTC-USD", time, new BigDecimal(price));
    }
}
