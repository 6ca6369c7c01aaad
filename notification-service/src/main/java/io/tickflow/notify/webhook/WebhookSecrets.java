package io.tickflow.notify.webhook;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the webhook channel gets a subscription's signing secrets. The adapter behind it keeps them in Secrets
 * Manager, one secret per subscription, so that one subscriber's secret is never another's.
 */
public interface WebhookSecrets {

    /**
     * The subscription's secrets, read at each delivery so that a rotation takes effect without a restart.
     *
     * @throws IOException if they cannot be read now (the store is unreachable); the delivery is tried again later
     */
    Secrets forSubscription(String subscriptionId) throws IOException;

    /**
     * Reads the secrets of many subscriptions ahead of their deliveries, in as few requests as the store allows, so
     * that {@link #forSubscription} finds them without a request of its own. One event fans out to many
     * subscriptions, and a read per delivery would cost a request per delivery.
     *
     * @throws IOException if the store cannot be reached now; each delivery then reads its secret itself
     */
    default void prefetch(Collection<String> subscriptionIds) throws IOException {}

    /**
     * A subscription's signing secrets. During a rotation both are set and every delivery carries a signature by
     * each, so that a receiver still holding the previous secret keeps verifying until it has switched; when the
     * rotation ends, {@code previous} is dropped and only the current one signs.
     *
     * @param current the secret that signs every delivery; its UTF-8 bytes are the HMAC key
     * @param previous the secret being rotated out, or null outside a rotation
     */
    record Secrets(String current, @Nullable String previous) {

        public Secrets {
            Objects.requireNonNull(current, "current");
            if (current.isBlank() || (previous != null && previous.isBlank())) {
                throw new IllegalArgumentException("A webhook secret is not blank");
            }
        }

        /** Only a current secret: no rotation under way. */
        public static Secrets of(String current) {
            return new Secrets(current, null);
        }

        /** The secrets that sign, current first. */
        public List<String> signing() {
            return previous == null ? List.of(current) : List.of(current, previous);
        }

        /** Never the secrets themselves, which must not reach a log line. */
        @Override
        public String toString() {
            return "Secrets[current=(secret), previous=" + (previous == null ? "none" : "(secret)") + "]";
        }
    }
}
