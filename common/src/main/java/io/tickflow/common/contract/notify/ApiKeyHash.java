package io.tickflow.common.contract.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an API key of notification-service is stored: only as HMAC-SHA256 of the key under a secret pepper (hex), the
 * {@code keyHash} of the {@code api-keys} table. The service checks presented keys with it and the tickflow CLI issues
 * keys with it, so the two must agree; the pepper is the {@code tickflow.notify.api-key-pepper} value of the
 * {@code <prefix>/notification-service} secret. A stolen table holds nothing a caller could present.
 */
public final class ApiKeyHash {

    /** Every key starts with this, so that a leaked key is recognisable (and secret scanners can find it). */
    public static final String PREFIX = "tfk_";

    private ApiKeyHash() {}

    /** The stored hash of {@code key}. */
    public static String of(String pepper, String key) {
        Objects.requireNonNull(pepper, "pepper");
        Objects.requireNonNull(key, "key");
        if (pepper.isEmpty()) {
            throw new IllegalArgumentException("The API key pepper is not empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("Every JDK has HmacSHA256", impossible);
        }
    }

    /**
     * The short, non-secret id of a key that lists and revokes it: the first 12 hex digits of its hash.
     */
    public static String keyId(String keyHash) {
        return keyHash.substring(0, 12);
    }
}
