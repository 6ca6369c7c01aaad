package io.tickflow.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryIdsTest {

    private static final UUID EVENT = UUID.fromString("b1223344-5566-4788-99aa-bbccddeeff00");
    private static final UUID OTHER_EVENT = UUID.fromString("c2334455-6677-4899-aabb-ccddeeff0011");

    @Test
    void givesARedeliveredEventTheSameDeliveryId() {
        assertThat(DeliveryIds.of("sub-alice-webhook", EVENT))
                .isEqualTo(DeliveryIds.of("sub-alice-webhook", UUID.fromString(EVENT.toString())));
    }

    @Test
    void tellsSubscriptionsAndEventsApart() {
        assertThat(DeliveryIds.of("sub-alice-webhook", EVENT))
                .isNotEqualTo(DeliveryIds.of("sub-bob-topic", EVENT))
                .isNotEqualTo(DeliveryIds.of("sub-alice-webhook", OTHER_EVENT));
    }

    @Test
    void isANameBasedUuid() {
        assertThat(DeliveryIds.of("sub-alice-webhook", EVENT).version()).isEqualTo(3);
    }
}
