package io.tickflow.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook delivery carries, in the header {@value #HEADER}:
 *
 * <pre>Tickflow-Signature: t=1700000000,v1=5257a869...,v1=9f3a0c11...</pre>
 *
 * <p>{@code t} is the time of signing in Unix seconds; each {@code v1} is the lowercase hex HMAC-SHA256, keyed with the
 * UTF-8 bytes of one of the subscription's secrets, of the ASCII bytes of {@code t}, a {@code "."} and the request body
 * exactly as received. There is one {@code v1} per signing secret: the current one first and, during a rotation, the
 * previous one.
 *
 * <p>How a receiver verifies a delivery:
 *
 * <ol>
 *   <li>take {@code t} and every {@code v1} from the header;
 *   <li>reject it if {@code |now - t|} is more than {@link #TOLERANCE} (five minutes), so that a captured request
 *       cannot be replayed later;
 *   <li>compute HMAC-SHA256 with its secret over {@code t + "." + body} (the raw bytes, before any JSON parsing);
 *   <li>accept it if that equals any {@code v1}, compared in constant time (e.g. {@code MessageDigest.isEqual}).
 * </ol>
 *
 * <p>Retries of a delivery carry the same {@code Idempotency-Key} but a new {@code t} and signature.
 *
 * @param timestamp the time of signing, Unix seconds
 * @param signatures the hex HMACs, one per signing secret, current first
 */
public record WebhookSignature(long timestamp, List<String> signatures) {

    /** The header that carries the signature. */
    public static final String HEADER = "Tickflow-Signature";

    /** How far a receiver lets {@code t} be from its own clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    public WebhookSignature {
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("A signature has at least one v1");
        }
    }

    /** Signs {@code body} at {@code timestamp} with each of {@code secrets}. */
    public static WebhookSignature sign(WebhookSecrets.Secrets secrets, long timestamp, byte[] body) {
        return new WebhookSignature(
                timestamp,
                secrets.signing().stream()
                        .map(secret -> hmac(secret, timestamp, body))
                        .toList());
    }

    /** The header's value: {@code t=<timestamp>,v1=<hex>[,v1=<hex>]}. */
    public String headerValue() {
        return "t=" + timestamp + signatures.stream().map(v1 -> ",v1=" + v1).collect(Collectors.joining());
    }

    private static String hmac(String secret, long timestamp, byte[] body) {
        try {
            // A Mac is not thread-safe, and creating one is cheap next to a network round trip.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has " + ALGORITHM, e);
        }
    }
}
