package io.tickflow.notify.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the webhook channel connects. The service maps its configuration ({@code tickflow.notify.webhook.*}) into this.
 *
 * @param connectTimeout how long establishing a connection (TCP and TLS) may take
 * @param responseTimeout how long the channel waits for data on an open connection: the response after the request
 *     is sent, and each read of the response
 * @param requestTimeout the most one attempt may take end to end, so that an endpoint that answers a byte at a time
 *     still cannot hold a sender for longer
 * @param maxConnectionsPerRoute pooled connections to one endpoint at most
 * @param maxConnectionsTotal pooled connections at most
 * @param allowedNetworks CIDR ranges allowed despite the {@link AddressGuard}'s rules ({@code
 *     tickflow.notify.webhook.allowed-networks}); empty in production, {@code 127.0.0.0/8} for local development
 */
public record WebhookSettings(
        Duration connectTimeout,
        Duration responseTimeout,
        Duration requestTimeout,
        int maxConnectionsPerRoute,
        int maxConnectionsTotal,
        List<String> allowedNetworks) {

    public WebhookSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxConnectionsPerRoute < 1 || maxConnectionsTotal < maxConnectionsPerRoute) {
            throw new IllegalArgumentException("Need 1 <= maxConnectionsPerRoute <= maxConnectionsTotal, got "
                    + maxConnectionsPerRoute + " and " + maxConnectionsTotal);
        }
        allowedNetworks = List.copyOf(allowedNetworks);
        // Fails here, at startup, on a range that does not parse.
        AddressGuard.allowing(allowedNetworks);
    }

    /**
     * Production defaults: 5 s to connect, 10 s for the response, 15 s per attempt, 20 connections per endpoint, 2,000
     * in all (one each for a fan-out to 2,000 endpoints), nothing allow-listed.
     */
    public static WebhookSettings defaults() {
        return new WebhookSettings(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), 20, 2000, List.of());
    }

    /** The same settings with at most {@code total} pooled connections over all endpoints instead. */
    public WebhookSettings withMaxConnectionsTotal(int total) {
        return new WebhookSettings(
                connectTimeout, responseTimeout, requestTimeout, maxConnectionsPerRoute, total, allowedNetworks);
    }

    /** The same settings with {@code allowedNetworks} instead. */
    public WebhookSettings withAllowedNetworks(List<String> networks) {
        return new WebhookSettings(
                connectTimeout, responseTimeout, requestTimeout, maxConnectionsPerRoute, maxConnectionsTotal, networks);
    }

    /** The same settings with the three timeouts instead. */
    public WebhookSettings withTimeouts(Duration connect, Duration response, Duration request) {
        return new WebhookSettings(
                connect, response, request, maxConnectionsPerRoute, maxConnectionsTotal, allowedNetworks);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
