package io.tickflow.notify.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 * @param alertStateTable price-alert state per rule and the crossings claimed, shared by every worker
 * @param apiKeyPepper the secret mixed into every API key hash, from the {@code <prefix>/notification-service}
 *     secret; without it the service does not start
 * @param deliveryTimeout how long one webhook or email delivery may take
 * @param deliveryLogTtl how long the delivery log keeps an entry
 * @param deadLetterQueue where deliveries that spent their retry budget go, with the reason
 * @param secretsPrefix the prefix of the webhook signing secrets' names in Secrets Manager ({@code <prefix>/webhooks/<id>})
 * @param deliveryAttempts the retry budget of one delivery, first attempt included
 * @param deliveryBackoff the wait after the first failed attempt; it doubles each time, with jitter
 * @param maxConcurrentPerEndpoint deliveries in flight to one endpoint at once (the bulkhead)
 * @param webhookConnections webhook connections kept open at most, over all endpoints: a fan-out to more distinct
 *     endpoints than this waits for connections to be closed and opened again
 * @param claimLease how long a worker's claim on a delivery stands before another may take it over
 * @param subscriptionRefresh how often the subscriptions are read again to match events against
 * @param signingGrace how long the previous webhook secret keeps signing after a rotation
 * @param signingSecretCache how long a worker uses a signing secret it has read before reading it again; a rotation
 *     made through another worker reaches this one within this time (receivers keep the previous secret at least as
 *     long)
 * @param alertStateFlush how often price-alert states that changed without firing are written to {@code
 *     alertStateTable}; a firing is written at once. A restart loses at most this much of such changes
 * @param alertStateRefresh how old a worker's copy of a rule's state may get before it is read again, to see crossings
 *     other workers claimed
 * @param allowedNetworks CIDR ranges webhooks may reach although they are not public (loopback for local work);
 *     empty in production
 * @param smtp the SMTP server email goes through
 */
@Validated
@ConfigurationProperties("tickflow.notify")
public record NotificationProperties(
        @NotBlank String alertQueue,
        @NotBlank String notificationsQueue,
        @NotBlank String subscriptionsTable,
        @NotBlank String deliveriesTable,
        @NotBlank String apiKeysTable,
        @NotBlank String alertStateTable,
        @NotBlank String apiKeyPepper,
        @NotNull @DurationMin(millis = 100) Duration deliveryTimeout,
        @NotNull @DurationMin(hours = 1) Duration deliveryLogTtl,
        @DefaultValue("tickflow-notifications-dlq") @NotBlank String deadLetterQueue,
        @DefaultValue("tickflow") @NotBlank String secretsPrefix,
        @DefaultValue("5") @Positive int deliveryAttempts,
        @DefaultValue("500ms") @NotNull Duration deliveryBackoff,
        @DefaultValue("8") @Positive int maxConcurrentPerEndpoint,
        @DefaultValue("2000") @Positive int webhookConnections,
        @DefaultValue("2m") @NotNull Duration claimLease,
        @DefaultValue("2s") @NotNull Duration subscriptionRefresh,
        @DefaultValue("24h") @NotNull Duration signingGrace,
        @DefaultValue("60s") @NotNull Duration signingSecretCache,
        @DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration alertStateFlush,
        @DefaultValue("1s") @NotNull Duration alertStateRefresh,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue @Valid Smtp smtp) {

    /**
     * The SMTP server notifications are emailed through.
     *
     * @param host its host
     * @param port its port
     * @param from the sender
     * @param username who to log in as, if the server wants a login
     * @param password the login's password
     * @param startTls whether to require STARTTLS
     */
    public record Smtp(
            @DefaultValue("localhost") @NotBlank String host,
            @DefaultValue("25") @Positive int port,
            @DefaultValue("Tickflow <notifications@tickflow.local>") @NotBlank String from,
            @Nullable String username,
            @Nullable String password,
            @DefaultValue("false") boolean startTls) {

        /** Everything but the password. */
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                    + ", password=(secret), startTls=" + startTls + "]";
        }
    }

    /** Everything but the pepper, which must not reach a log line. */
    @Override
    public String toString() {
        return "NotificationProperties[alertQueue=" + alertQueue + ", notificationsQueue=" + notificationsQueue
                + ", subscriptionsTable=" + subscriptionsTable + ", deliveriesTable=" + deliveriesTable
                + ", apiKeysTable=" + apiKeysTable + ", alertStateTable=" + alertStateTable
                + ", apiKeyPepper=(secret), deliveryTimeout=" + deliveryTimeout
                + ", deliveryLogTtl=" + deliveryLogTtl + ", deadLetterQueue=" + deadLetterQueue + ", secretsPrefix="
                + secretsPrefix + ", deliveryAttempts=" + deliveryAttempts + ", deliveryBackoff=" + deliveryBackoff
                + ", maxConcurrentPerEndpoint=" + maxConcurrentPerEndpoint + ", claimLease=" + claimLease
                + ", subscriptionRefresh=" + subscriptionRefresh + ", signingGrace=" + signingGrace
                + ", signingSecretCache=" + signingSecretCache + ", alertStateFlush=" + alertStateFlush
                + ", alertStateRefresh=" + alertStateRefresh
                + ", allowedNetworks=" + allowedNetworks + ", smtp=" + smtp + "]";
    }
}
