package io.tickflow.localaws.sns;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Signs SNS envelopes the way SNS does, with a key of its own whose self-signed certificate the endpoint serves at the
 * envelope's SigningCertURL, so that a subscriber can verify what it receives end to end.
 *
 * <p>The JDK can sign but has no public API to issue a certificate, so the few DER structures of an X.509 v3
 * certificate are written here.
 */
final class MessageSigner {

    /** sha256WithRSAEncryption, 1.2.840.113549.1.1.11, the algorithm the certificate itself is signed with. */
    private static final byte[] SHA256_WITH_RSA = {
        0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b
    };
    /** id-at-commonName, 2.5.4.3. */
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String commonName;
    private final Clock clock;
    private volatile Key key;

    /** The key and its certificate in PEM. */
    private record Key(PrivateKey privateKey, String certificatePem) {}

    /**
     * A signer whose 2048-bit RSA key and certificate (valid for a year) are made on first use: making them takes a
     * noticeable part of a second, which a stack whose subscribers all use raw delivery need never spend.
     */
    MessageSigner(String commonName, Clock clock) {
        this.commonName = commonName;
        this.clock = clock;
    }

    private Key key() {
        Key current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = generate();
                    key = current;
                }
            }
        }
        return current;
    }

    private Key generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            byte[] certificate = certificate(keys, commonName, clock.instant());
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate)
                    + "\n-----END CERTIFICATE-----\n";
            return new Key(keys.getPrivate(), pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make RSA keys", e);
        }
    }

    String certificatePem() {
        return key().certificatePem();
    }

    /**
     * Signs SNS's string to sign.
     *
     * @param signatureVersion 1 for SHA1withRSA, 2 for SHA256withRSA, as the topic's SignatureVersion says
     * @return the signature in Base64, as the envelope carries it
     */
    String sign(String stringToSign, int signatureVersion) {
        try {
            Signature signature = Signature.getInstance(signatureVersion == 2 ? "SHA256withRSA" : "SHA1withRSA");
            signature.initSign(key().privateKey());
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with an RSA key this JDK made failed", e);
        }
    }

    private static byte[] certificate(KeyPair keys, String commonName, Instant now) throws GeneralSecurityException {
        byte[] name = sequence(set(sequence(COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] algorithm = sequence(SHA256_WITH_RSA, new byte[] {0x05, 0x00});
        Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        byte[] tbs = sequence(
                tlv(0xa0, tlv(0x02, new byte[] {0x02})), // version v3
                tlv(0x02, BigInteger.valueOf(now.toEpochMilli()).toByteArray()),
                algorithm,
                name,
                sequence(utcTime(from), utcTime(from.plus(366, ChronoUnit.DAYS))),
                name,
                keys.getPublic().getEncoded()); // already a DER SubjectPublicKeyInfo
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = new byte[signature.length + 1]; // a leading 0: no unused bits
        System.arraycopy(signature, 0, bits, 1, signature.length);
        return sequence(tbs, algorithm, tlv(0x03, bits));
    }

    private static byte[] utcTime(Instant instant) {
        return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, parts);
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, parts);
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
