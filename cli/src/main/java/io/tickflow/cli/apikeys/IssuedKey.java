package io.tickflow.cli.apikeys;

import io.tickflow.common.contract.notify.ApiKeyHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A fresh API key and what is stored of it. The key is {@code tfk_} and 32 random bytes, base64url without padding,
 * exactly as notification-service issues them.
 *
 * @param key the key itself, printed once and never stored
 * @param keyHash its peppered hash, the table's key
 * @param keyId its public id
 */
record IssuedKey(String key, String keyHash, String keyId) {

    /** The owner names notification-service files subscriptions under (its {@code ApiKeys.OWNER}). */
    static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private static final SecureRandom RANDOM = new SecureRandom();

    static IssuedKey generate(String pepper) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = ApiKeyHash.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = ApiKeyHash.of(pepper, key);
        return new IssuedKey(key, hash, ApiKeyHash.keyId(hash));
    }
}
