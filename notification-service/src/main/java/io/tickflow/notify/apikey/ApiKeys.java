package io.tickflow.notify.apikey;

import io.tickflow.common.contract.notify.ApiKeyHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues API keys and tells whose a presented key is. A key is {@code tfk_} and 32 random bytes (base64url); only its
 * peppered hash is stored, so it is shown once, when issued.
 */
public final class ApiKeys {

    /** Owners are the names subscriptions are filed under: letters, digits, dots, dashes, underscores, at signs. */
    public static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyStore store;
    private final String pepper;
    private final Clock clock;

    public ApiKeys(ApiKeyStore store, String pepper, Clock clock) {
        this.store = store;
        this.pepper = Objects.requireNonNull(pepper, "pepper");
        this.clock = clock;
    }

    /**
     * A new key for {@code owner}.
     *
     * @return the key (shown once) and its id
     */
    public Issued issue(String owner) {
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException(
                    "An owner is 1 to 128 letters, digits, dots, dashes, underscores or at signs: " + owner);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = ApiKeyHash.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = ApiKeyHash.of(pepper, key);
        store.add(new ApiKeyStore.StoredKey(hash, ApiKeyHash.keyId(hash), owner, clock.instant(), null));
        return new Issued(key, ApiKeyHash.keyId(hash), owner);
    }

    /** The owner of {@code presented}, if it is a valid key that has not been revoked. */
    public Optional<String> owner(String presented) {
        if (!presented.startsWith(ApiKeyHash.PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return store.find(ApiKeyHash.of(pepper, presented))
                .filter(key -> key.revokedAt() == null)
                .map(ApiKeyStore.StoredKey::owner);
    }

    /** Revokes the owner's key {@code keyId}; false if there is none. */
    public boolean revoke(String owner, String keyId) {
        return store.revoke(owner, keyId, clock.instant());
    }

    /**
     * A key just issued.
     *
     * @param key the key itself, which is never stored
     * @param keyId its id
     */
    public record Issued(String key, String keyId, String owner) {}
}
