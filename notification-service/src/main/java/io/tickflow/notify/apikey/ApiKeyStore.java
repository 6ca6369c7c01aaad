package io.tickflow.notify.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept, by the hash of the key. */
public interface ApiKeyStore {

    /** Stores a new key's hash for {@code owner}. */
    void add(StoredKey key);

    /** The key with this hash, if it exists. */
    Optional<StoredKey> find(String keyHash);

    /** Every key of {@code owner}, revoked ones included. */
    List<StoredKey> ofOwner(String owner);

    /**
     * Marks the owner's key with this id revoked.
     *
     * @return false if the owner has no such key
     */
    boolean revoke(String owner, String keyId, Instant at);

    /**
     * A key as stored.
     *
     * @param keyHash HMAC-SHA256 of the key under the pepper ({@code ApiKeyHash})
     * @param keyId the first 12 hex digits of the hash, shown and used to revoke
     * @param revokedAt when it was revoked; null while it is valid
     */
    record StoredKey(
            String keyHash,
            String keyId,
            String owner,
            Instant createdAt,
            @org.jspecify.annotations.Nullable Instant revokedAt) {}
}
