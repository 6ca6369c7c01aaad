package io.tickflow.notify.adapter.out.secrets;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.notify.subscription.SigningSecrets;
import io.tickflow.notify.webhook.WebhookSecrets;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * Webhook signing secrets in Secrets Manager, one secret per subscription named {@code <prefix>/webhooks/<id>}, holding
 * {@code {"current":"whsec_...","previous":"whsec_...","previousUntil":"<instant>"}}. A rotation moves the current
 * secret to previous for the grace period, during which deliveries are signed with both. Reads are cached for a short
 * time, so a fan-out to many subscriptions does not read each secret per event, and those a fan-out needs and does not
 * hold are read twenty to a request ({@link #prefetch}).
 */
public final class SecretsManagerSigningSecrets implements SigningSecrets, WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The most secrets one BatchGetSecretValue request names. */
    private static final int BATCH_READ_LIMIT = 20;

    private final SecretsManagerClient secrets;
    private final String prefix;
    private final Duration grace;
    private final Duration cacheFor;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param prefix the resource prefix; secrets are named {@code <prefix>/webhooks/<subscriptionId>}
     * @param grace how long the previous secret keeps signing after a rotation
     * @param cacheFor how long a read secret is used before it is read again
     */
    public SecretsManagerSigningSecrets(
            SecretsManagerClient secrets, String prefix, Duration grace, Duration cacheFor, Clock clock) {
        this.secrets = secrets;
        this.prefix = prefix;
        this.grace = grace;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    record Stored(String current, @Nullable String previous, @Nullable Instant previousUntil) {}

    private record Cached(Secrets secrets, Instant readAt) {}

    @Override
    public String create(String subscriptionId) {
        String secret = newSecret();
        secrets.createSecret(r -> r.name(name(subscriptionId))
                .secretString(ContractJson.mapper().writeValueAsString(new Stored(secret, null, null))));
        return secret;
    }

    @Override
    public String rotate(String subscriptionId) {
        Stored stored = read(subscriptionId);
        String secret = newSecret();
        secrets.putSecretValue(r -> r.secretId(name(subscriptionId))
                .secretString(ContractJson.mapper()
                        .writeValueAsString(new Stored(
                                secret, stored.current(), clock.instant().plus(grace)))));
        cache.remove(subscriptionId);
        return secret;
    }

    @Override
    public void delete(String subscriptionId) {
        try {
            secrets.deleteSecret(r -> r.secretId(name(subscriptionId)).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException gone) {
            // Nothing to delete: the subscription never had a secret (not a webhook) or it is already gone.
        }
        cache.remove(subscriptionId);
    }

    @Override
    public Secrets forSubscription(String subscriptionId) throws IOException {
        Instant now = clock.instant();
        Secrets cached = fresh(subscriptionId, now);
        if (cached != null) {
            return cached;
        }
        Stored stored;
        try {
            stored = read(subscriptionId);
        } catch (SdkException unreachable) {
            throw new IOException("The signing secret of " + subscriptionId + " cannot be read now", unreachable);
        }
        return remember(subscriptionId, stored, now);
    }

    /**
     * Reads the secrets not cached, {@value #BATCH_READ_LIMIT} to a BatchGetSecretValue request. A secret the batch
     * does not return (deleted meanwhile) is left for {@link #forSubscription}, which says what became of it.
     */
    @Override
    public void prefetch(Collection<String> subscriptionIds) throws IOException {
        Instant now = clock.instant();
        List<String> missing = subscriptionIds.stream()
                .filter(subscriptionId -> fresh(subscriptionId, now) == null)
                .distinct()
                .toList();
        String names = prefix + "/webhooks/";
        for (int from = 0; from < missing.size(); from += BATCH_READ_LIMIT) {
            List<String> ids = missing.subList(from, Math.min(missing.size(), from + BATCH_READ_LIMIT));
            BatchGetSecretValueResponse response;
            try {
                response = secrets.batchGetSecretValue(
                        r -> r.secretIdList(ids.stream().map(this::name).toList()));
            } catch (SdkException unreachable) {
                throw new IOException(
                        "The signing secrets of " + ids.size() + " subscriptions cannot be read now", unreachable);
            }
            for (SecretValueEntry entry : response.secretValues()) {
                if (entry.name() != null && entry.name().startsWith(names) && entry.secretString() != null) {
                    remember(
                            entry.name().substring(names.length()),
                            ContractJson.mapper().readValue(entry.secretString(), Stored.class),
                            now);
                }
            }
        }
    }

    private @Nullable Secrets fresh(String subscriptionId, Instant now) {
        Cached cached = cache.get(subscriptionId);
        return cached != null && now.isBefore(cached.readAt().plus(cacheFor)) ? cached.secrets() : null;
    }

    private Secrets remember(String subscriptionId, Stored stored, Instant now) {
        boolean rotating =
                stored.previous() != null && stored.previousUntil() != null && now.isBefore(stored.previousUntil());
        Secrets current = new Secrets(stored.current(), rotating ? stored.previous() : null);
        cache.put(subscriptionId, new Cached(current, now));
        return current;
    }

    private Stored read(String subscriptionId) {
        String json =
                secrets.getSecretValue(r -> r.secretId(name(subscriptionId))).secretString();
        return ContractJson.mapper().readValue(json, Stored.class);
    }

    private String name(String subscriptionId) {
        return prefix + "/webhooks/" + subscriptionId;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
