package io.tickflow.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.notify.Notification;
import io.tickflow.common.contract.notify.PriceAlertTriggered;
import io.tickflow.notify.subscription.Channel;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryRecordsTest {

    private static final Instant T0 = Instant.parse("2023-06-21T14:02:11Z");
    private static final UUID EVENT_ID = UUID.fromString("b1223344-5566-4788-99aa-bbccddeeff00");

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();

    @Test
    void writesNothingBeforeItStartsThenWhatGatheredInBatchesThenEachRecordAsItComes() {
        DeliveryRecords records = new DeliveryRecords(log, 25, 2);
        List<Delivery> deliveries =
                IntStream.range(0, 61).mapToObj(i -> delivery("sub-" + i)).toList();
        deliveries.forEach(log::claim);

        deliveries.subList(0, 60).forEach(d -> records.add(new DeliveryRecord.Delivered(d, 1, Duration.ofMillis(3))));
        assertThat(log.batchSizes()).as("the claims go first").isEmpty();

        records.start();
        assertThat(log.batchSizes()).containsExactly(25, 25, 10);

        records.add(new DeliveryRecord.Failed(deliveries.get(60), 2, "503 Service Unavailable", true));
        assertThat(log.batchSizes()).containsExactly(25, 25, 10, 1);
        assertThat(deliveries)
                .allSatisfy(d -> assertThat(log.entry(d).state()).isNotEqualTo(InMemoryDeliveryLog.State.IN_PROGRESS));
        assertThat(records.failure()).isNull();
    }

    @Test
    void keepsWritingTheOtherBatchesWhenOneFailsAndSaysSo() {
        DeliveryRecords records = new DeliveryRecords(log, 10, 1);
        List<Delivery> deliveries =
                IntStream.range(0, 30).mapToObj(i -> delivery("sub-" + i)).toList();
        deliveries.forEach(log::claim);
        log.cannotRecord(deliveries.get(3));

        records.start();
        deliveries.forEach(d -> records.add(new DeliveryRecord.Delivered(d, 1, Duration.ofMillis(3))));

        assertThat(records.failure()).hasMessageContaining("unreachable");
        assertThat(log.entry(deliveries.get(3)).state()).isEqualTo(InMemoryDeliveryLog.State.IN_PROGRESS);
        assertThat(log.entry(deliveries.get(29)).state()).isEqualTo(InMemoryDeliveryLog.State.DELIVERED);
    }

    private static Delivery delivery(String subscriptionId) {
        UUID id = DeliveryIds.of(subscriptionId, EVENT_ID);
        PriceAlertTriggered event = new PriceAlertTriggered(
                EVENT_ID,
                T0,
                "rule-5a1b",
                "alice",
                "bitstamp",
                "BTC-USD",
                "crosses-above 30000",
                new BigDecimal("30000.01"),
                T0);
        return new Delivery(
                id.toString(),
                "alice",
                subscriptionId,
                new Channel.Webhook(URI.create("https://hooks.example/tickflow")),
                Notification.of(id, T0, subscriptionId, event));
    }
}
