package io.tickflow.cli.apikeys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One item of the {@code api-keys} table, as notification-service stores it: the hash, never the key.
 *
 * @param keyHash HMAC-SHA256 of the key under the pepper, hex; the table's key
 * @param keyId the first 12 hex digits of the hash, which lists and revokes the key
 * @param owner whose key it is
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; null while it is valid
 */
record StoredKey(String keyHash, String keyId, String owner, Instant createdAt, @Nullable Instant revokedAt) {}
