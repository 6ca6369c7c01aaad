package io.tickflow.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    @Test
    void backsOffExponentiallyWithinTheJitterAndTheCap() {
        IntervalFunction backoff =
                new DeliverySettings.Retries(6, Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(1)).backoff();

        assertThat(IntStream.range(0, 200).mapToLong(i -> backoff.apply(1)))
                .allSatisfy(wait -> assertThat(wait).isBetween(50L, 150L));
        assertThat(IntStream.range(0, 200).mapToLong(i -> backoff.apply(3)))
                .allSatisfy(wait -> assertThat(wait).isBetween(200L, 600L));
        assertThat(IntStream.range(0, 200).mapToLong(i -> backoff.apply(10)))
                .allSatisfy(wait -> assertThat(wait).isEqualTo(1000L));
    }

    @Test
    void jittersTheWaits() {
        IntervalFunction backoff = DeliverySettings.defaults().retries().backoff();

        assertThat(IntStream.range(0, 50)
                        .mapToLong(i -> backoff.apply(2))
                        .distinct()
                        .count())
                .isGreaterThan(1);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings.Retries(0, Duration.ofMillis(1), 2, 0.5, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new DeliverySettings.Retries(3, Duration.ofSeconds(2), 2, 0.5, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new DeliverySettings.Retries(3, Duration.ofMillis(1), 0.5, 0.5, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings.Retries(3, Duration.ofMillis(1), 2, 1.0, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliverySettings.Bulkheads(0, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings.CircuitBreakers(0, 10, 10, Duration.ofSeconds(1), 1));
    }
}
