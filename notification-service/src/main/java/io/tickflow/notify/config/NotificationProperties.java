package io.tickflow.notify.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything notification-service is configured with. The defaults in {@code application.yml} name the resources of
 * {@code Topology.tickflow(tickflow.resource-prefix)}; the pepper comes from Secrets Manager.
 *
 * @param alertQueue ticks and closed candles that price alerts are evaluated against
 * @param notificationsQueue analysis outcomes to tell subscribers about
 * @param subscriptionsTable subscriptions and alert rules per owner
 * @param deliveriesTable one entry per delivery attempt, expiring after {@code deliveryLogTtl}
 * @param apiKeysTable API keys, stored only as peppered hashes
 * @param apiKeyPepper the secret mixed into every API key hash, from the {@code <prefix>/notification-service}
 *     secret; without it the service does not start
 * @param deliveryTimeout how long one webhook or email delivery may take
 * @param deliveryLogTtl how long the delivery log keeps an entry
 */
@Validated
@ConfigurationProperties("tickflow.notify")
public record NotificationProperties(
        @NotBlank String alertQueue,
        @NotBlank String notificationsQueue,
        @NotBlank String subscriptionsTable,
        @NotBlank String deliveriesTable,
        @NotBlank String apiKeysTable,
        @NotBlank String apiKeyPepper,
        @NotNull @DurationMin(millis = 100) Duration deliveryTimeout,
        @NotNull @DurationMin(hours = 1) Duration deliveryLogTtl) {

    /** Everything but the pepper, which must not reach a log line. */
    @Override
    public String toString() {
        return "NotificationProperties[alertQueue=" + alertQueue + ", notificationsQueue=" + notificationsQueue
                + ", subscriptionsTable=" + subscriptionsTable + ", deliveriesTable=" + deliveriesTable
                + ", apiKeysTable=" + apiKeysTable + ", apiKeyPepper=(secret), deliveryTimeout=" + deliveryTimeout
                + ", deliveryLogTtl=" + deliveryLogTtl + "]";
    }
}
