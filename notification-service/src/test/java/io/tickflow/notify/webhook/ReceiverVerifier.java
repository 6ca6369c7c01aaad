package io.tickflow.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification of {@code Tickflow-Signature}, written from the documented format only and sharing no
 * code with {@link WebhookSignature}: the header is taken apart with regular expressions, the HMAC computed with
 * {@link Mac} over a byte buffer built here, and compared in constant time.
 */
final class ReceiverVerifier {

    private static final Pattern HEADER = Pattern.compile("t=(\\d+)((?:,v1=[0-9a-f]{64})+)");
    private static final Pattern V1 = Pattern.compile(",v1=([0-9a-f]{64})");
    private static final long TOLERANCE_SECONDS = 300;

    private final byte[] secret;

    ReceiverVerifier(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code header} signs {@code body} with this receiver's secret, at a time close enough to {@code now}. */
    boolean verifies(String header, byte[] body, Instant now) throws Exception {
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            return false;
        }
        long t = Long.parseLong(matcher.group(1));
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE_SECONDS) {
            return false;
        }
        List<byte[]> candidates = new ArrayList<>();
        Matcher v1 = V1.matcher(matcher.group(2));
        while (v1.find()) {
            candidates.add(java.util.HexFormat.of().parseHex(v1.group(1)));
        }
        byte[] prefix = matcher.group(1).concat(".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] expected = mac.doFinal(signed);
        boolean any = false;
        for (byte[] candidate : candidates) {
            any |= MessageDigest.isEqual(expected, candidate);
        }
        return any;
    }
}
